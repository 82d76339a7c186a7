"""Template corpus: 部门整体 approvals printed in other templates than the
seed's (samples/templates/, tests/expected/templates/).

Each document is invented here (content model: model.Doc with its own
TableTemplate per indicator table and its own section plan). From it come:

- the text dump `samples/templates/<stem>.txt` in the seed's conventions
  (tab-separated cells, label column first, merged cells as empty cells,
  page breaks as blank lines, list cells with literal <p> tags), with the
  quirks marked on the content (Indicator.dump_break_before / dump_shift);
- PDFs `samples/templates/<stem>.<producer>.pdf` (generate.py --templates);
- the expected document `tests/expected/templates/<file name>.json`.

    python3 scripts/pdfgen/generate.py --templates [--only SUBSTRING] [--no-verify]

Deterministic: no randomness, fixed content.
"""
from __future__ import annotations

import dataclasses
import json
import os
import re
from typing import List, Optional

from model import Col, Doc, FundingRow, Indicator, Style, TableTemplate, cell_value
from textutil import fmt_amount, fmt_share, list_paragraphs

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
OUT_DIR = os.path.join(ROOT, "samples", "templates")
EXP_DIR = os.path.join(ROOT, "tests", "expected", "templates")

# --- indicator rows -------------------------------------------------------------


def _hdr(names, rows=1):
    """One header cell per column, each spanning `rows` header rows."""
    return [(0, c, rows, 1, t) for c, t in enumerate(names)]


def both_tables(rows, lt_extra=None, an_extra=None):
    """Indicators of a seed-like document from rows
    (level1, level2, level3, long-term target, (history 1, history 2),
    annual target, basis, category, options). A None long-term target (or
    annual target and history) leaves the row out of that table. Options:
    unit, w (weight, both tables), w_lt/w_an, r_lt/r_an (remarks),
    brk_lt/brk_an (blank line before the row in the dump), shift_an/shift_lt."""
    lt, an = [], []
    for row in rows:
        l1, l2, l3, t_lt, hist, t_an, basis, cat = row[:8]
        o = row[8] if len(row) > 8 else {}
        common = dict(unit=o.get("unit"))
        if t_lt is not None:
            lt.append(Indicator("long_term", l1, l2, l3, t_lt, [], basis, cat,
                                weight=o.get("w_lt", o.get("w")), remark=o.get("r_lt"),
                                dump_break_before=o.get("brk_lt", False),
                                dump_shift=o.get("shift_lt", False), **common))
        if t_an is not None:
            an.append(Indicator("annual", l1, l2, l3, t_an, list(hist), basis, cat,
                                weight=o.get("w_an", o.get("w")), remark=o.get("r_an"),
                                dump_break_before=o.get("brk_an", False),
                                dump_shift=o.get("shift_an", False), **common))
    return lt + an


def funding(inc, exp):
    """FundingRow list from (item, current, h1, h2) rows (None = empty);
    合计 rows and shares computed as printed (one decimal)."""
    out = []
    for section, rows in (("income", inc), ("expenditure", exp)):
        tot = [round(sum(r[k] or 0 for r in rows), 2) for k in (1, 2, 3)]
        for item, cur, h1, h2 in rows:
            share = None if cur is None else round(cur * 100.0 / tot[0], 1)
            out.append(FundingRow(section, item, cur, share, [h1, h2]))
        out.append(FundingRow(section, "合计", tot[0], 100.0, [tot[1], tot[2]]))
    return out


SEED_STYLE = Style(enum_functions="paren", enum_tasks="dun", enum_long_term="dun", enum_annual="dun",
                   semicolons_tasks=True, semicolons_annual=True, paragraphs_annual=False,
                   long_term_label="长期目标：\n(截止{deadline}年)", annual_goal_label="年度目标:",
                   year_label="{y} 年", ind_year_label="{y}年", footer="dash",
                   continuation="repeat", annual_header="three")


def seed_plan(doc_style):
    return [("name", "部门（单位）名称"), ("funding", "部门总体资金情况"),
            ("list", "functions", "部门职能概述", doc_style.enum_functions, False, True),
            ("list", "annual_tasks", "年度工作任务", doc_style.enum_tasks, doc_style.semicolons_tasks, True),
            ("list", "long_term_goals", doc_style.long_term_label, doc_style.enum_long_term, False, True),
            ("table", "long_term"),
            ("list", "annual_goals", doc_style.annual_goal_label, doc_style.enum_annual,
             doc_style.semicolons_annual, doc_style.paragraphs_annual),
            ("table", "annual")]


@dataclasses.dataclass
class TDoc:
    """A template document: the content model plus what the text dump and
    the expectations need beyond it."""
    doc: Doc
    template: str                 # T1, T4, T6, S-reordered, ...
    department_code: Optional[str] = None
    p_tags: tuple = ()            # list attributes printed with <p> tags in the dump
    text_warnings: tuple = ()
    pdf_warnings: tuple = ()
    pdf: tuple = ()               # (producer, Style overrides)


# --- T1: Guangdong city, one annual table 一级|二级|三级|指标值 -----------------------

def t1():
    tpl = TableTemplate([Col("level1", 60), Col("level2", 70), Col("level3", 190), Col("target", 100)],
                        _hdr(["一级指标", "二级指标", "三级指标", "指标值"]), "年度绩效指标")
    P, E, S = "产出指标", "效益指标", "满意度指标"
    rows = [
        (P, "数量指标", "完成年度土地卫片执法图斑核查数量", "≥1200宗"),
        (P, "数量指标", "完成不动产登记业务量", "≥8.5万件"),
        (P, "数量指标", "新增耕地面积", "≥3000亩"),
        (P, "数量指标", "地质灾害隐患点专业巡查次数", "≥4次/年"),
        (P, "质量指标", "不动产登记资料归档合格率", "100%"),
        (P, "质量指标", "耕地保有量目标完成率", "100%"),
        (P, "质量指标", "国土空间规划“一张图”数据更新准确率", "≥98%"),
        (P, "时效指标", "一般不动产登记办理时限", "≤3个工作日"),
        (P, "时效指标", "年度土地供应计划完成时间", "2025年12月底前"),
        (P, "成本指标", "部门预算支出控制率", "≤100%"),
        (E, "经济效益指标", "保障重点项目用地面积", "≥5000亩"),
        (E, "社会效益指标", "地质灾害防治知识宣传覆盖率", "≥90%"),
        (E, "社会效益指标", "因地质灾害造成人员伤亡事件", "0起"),
        (E, "生态效益指标", "历史遗留矿山生态修复面积", "≥150公顷"),
        (E, "可持续影响指标", "自然资源“一张图”共享应用部门数", "≥25个"),
        (S, "服务对象满意度指标", "不动产登记办事群众满意度", "≥90%"),
        (S, "服务对象满意度指标", "用地单位满意度", "≥90%"),
    ]
    inds = [Indicator("annual", a, b, c, t, [], None, None) for a, b, c, t in rows]
    inds[4].dump_shift = True            # 质量指标's first row lost the empty level-1 cell
    inds[10].dump_break_before = True
    st = Style(enum_functions="dot", enum_tasks="dun", enum_annual="fullparen", semicolons_tasks=True,
               semicolons_annual=True, paragraphs_annual=False, footer="of", repeat_header=True,
               continuation="repeat", font_size=10)
    doc = Doc(
        stem="t1-zhaoqing-natural-resources-bureau-2025",
        title="肇庆市自然资源局2025年部门整体绩效目标表", year=2025, department="肇庆市自然资源局",
        history_years=[], unit=None, long_term_deadline=None, funding=[],
        functions=[
            "履行全民所有土地、矿产等自然资源资产所有者职责和所有国土空间用途管制职责。",
            "负责自然资源调查监测评价和统一确权登记工作。",
            "负责国土空间规划的编制和监督实施，推进“多规合一”。",
            "负责耕地保护和土地征收、供应管理工作。",
            "负责地质灾害防治和矿产资源管理工作。",
            "完成市委、市政府交办的其他任务。",
        ],
        annual_tasks=[
            "完成全市年度土地卫片执法图斑核查，坚决遏制新增违法占地",
            "深化不动产登记便民利民改革，一般登记业务3个工作日内办结",
            "落实耕地保护目标责任，新增耕地3000亩以上",
            "推进历史遗留矿山生态修复150公顷以上。",
        ],
        long_term_goals=[],
        annual_goals=[
            "耕地保有量和永久基本农田保护目标全面完成",
            "不动产登记服务效率和群众满意度持续提升",
            "地质灾害防治和矿山生态修复取得新成效。",
        ],
        indicators=inds, style=st, templates={"annual": tpl},
        plan=[("name", "部门（单位）名称"),
              ("list", "functions", "部门职责", "dot", False, False),
              ("list", "annual_tasks", "年度主要任务", "dun", True, True),
              ("list", "annual_goals", "年度绩效目标", "fullparen", True, False),
              ("table", "annual")])
    return TDoc(doc, "T1", p_tags=("annual_tasks",), text_warnings=("shifted_cells",),
                pdf=(("reportlab-ttf", {"font_size": 12}), ("chromium", {"footer": "dash", "repeat_header": False})))


# --- T4: Hunan district, 指标值类型 | *指标值 | 计量单位 | *指标解释 | *评(扣)分标准 | 备注 ---

def t4():
    names = ["一级指标", "二级指标", "三级指标", "指标值类型", "*指标值", "计量单位", "*指标解释",
             "*评（扣）分标准", "备注"]
    cols = [Col("level1", 40), Col("level2", 46), Col("level3", 76), Col("extra", 32, "指标值类型"),
            Col("target", 38), Col("unit", 32), Col("explanation", 84), Col("scoring", 84), Col("remark", 40)]
    tpl = TableTemplate(cols, _hdr(names), None)
    P, E, S = "产出指标", "效益指标", "满意度指标"
    Q, L = "定量", "定性"
    rows = [
        (P, "数量指标", "老旧小区改造项目开工数", Q, "≥12", "个", "反映年度计划开工改造的老旧小区数量",
         "全部开工得满分，每少1个扣0.5分", "含续建项目3个"),
        (P, "数量指标", "城镇棚户区改造安置房交付套数", Q, "≥380", "套", "反映当年交付使用的棚改安置房套数",
         "按实际完成比例计分", None),
        (P, "数量指标", "房屋建筑工程质量安全监督检查次数", Q, "≥120", "次", "反映全年对在建工程开展监督检查的次数",
         "每少10次扣1分", None),
        (P, "数量指标", "公租房保障户数", Q, "≥1050", "户", "反映纳入公租房实物保障的家庭户数",
         "按实际完成比例计分", None),
        (P, "质量指标", "老旧小区改造工程竣工验收合格率", Q, "100", "%", "反映改造工程竣工验收一次合格的比例",
         "每低1个百分点扣0.5分", None),
        (P, "质量指标", "在建工程安全生产隐患整改率", Q, "100", "%", "反映检查发现的安全隐患按期整改到位的比例",
         "未整改到位的每处扣0.5分", None),
        (P, "质量指标", "住房保障资格审核准确率", Q, "≥98", "%", "反映保障对象资格审核结果的准确程度",
         "每低1个百分点扣1分", None),
        (P, "时效指标", "保障性住房租赁补贴发放及时率", Q, "100", "%", "反映租赁补贴按季度及时发放的情况",
         "未按时发放的不得分", None),
        (P, "时效指标", "建设工程施工许可办理时限", Q, "≤5", "个工作日", "反映施工许可从受理到办结的时间",
         "超时办结的每件扣0.2分", None),
        (P, "成本指标", "老旧小区改造户均投资", Q, "≤2.8", "万元", "反映老旧小区改造的户均投资控制情况",
         "超出控制标准的不得分", "按省定标准测算"),
        (P, "成本指标", "部门公用经费支出控制率", Q, "≤100", "%", "反映部门公用经费实际支出与预算的比率",
         "超出预算的不得分", None),
        (E, "经济效益指标", None, None, None, None, None, None, None),       # template placeholder
        (E, "社会效益指标", "住房困难群众保障情况", L, "应保尽保", None, "反映符合条件的城镇住房困难家庭纳入保障的情况",
         "未做到应保尽保的不得分", None),
        (E, "社会效益指标", "较大及以上建筑施工安全事故", Q, "0", "起", "反映全区建筑施工安全生产情况",
         "发生1起不得分", None),
        (E, "社会效益指标", "改造小区居民居住条件", L, "明显改善", None, "反映改造后小区基础设施和居住环境的改善情况",
         "根据实地核查情况酌情扣分", None),
        (E, "生态效益指标", "新建民用建筑节能标准执行率", Q, "100", "%", "反映新建民用建筑执行节能强制性标准的比例",
         "每低1个百分点扣0.5分", None),
        (E, "生态效益指标", "城区建筑垃圾资源化利用率", Q, "≥50", "%", "反映城区建筑垃圾资源化利用的比例",
         "每低1个百分点扣0.2分", None),
        (E, "可持续影响指标", "住房保障长效管理机制", L, "健全", None, "反映住房保障动态管理和退出机制的建立情况",
         "机制不健全的酌情扣分", None),
        (S, "服务对象满意度指标", "老旧小区改造居民满意度", Q, "≥95", "%", "反映改造小区居民对改造工作的满意程度",
         "每低1个百分点扣0.5分", "第三方问卷调查"),
        (S, "服务对象满意度指标", "住房保障对象满意度", Q, "≥90", "%", "反映保障对象对住房保障服务的满意程度",
         "每低1个百分点扣0.5分", None),
        (S, "服务对象满意度指标", "建设单位办事满意度", Q, "≥90", "%", "反映建设单位对审批服务的满意程度",
         "每低1个百分点扣0.5分", None),
    ]
    inds = []
    for l1, l2, l3, kind, t, u, ex, sc, rm in rows:
        ind = Indicator("annual", l1, l2, l3, t, [], None, None, unit=u, explanation=ex, scoring=sc,
                        remark=rm, extra={"指标值类型": kind} if kind else {}, placeholder=l3 is None)
        inds.append(ind)
    inds[12].dump_break_before = True
    st = Style(enum_functions="fullparen", enum_tasks="dun", enum_annual="dot", font_size=9,
               footer="of", repeat_header=True, continuation="blank")
    doc = Doc(
        stem="t4-zhuzhou-lusong-housing-bureau-2025",
        title="株洲市芦淞区住房和城乡建设局2025年部门整体绩效目标表", year=2025,
        department="株洲市芦淞区住房和城乡建设局", department_printed="[219001]株洲市芦淞区住房和城乡建设局",
        history_years=[], unit=None, long_term_deadline=None, funding=[],
        functions=[
            "贯彻执行国家和省、市住房城乡建设法律法规和方针政策，拟订全区住房城乡建设发展规划并组织实施。",
            "负责全区住房保障工作，组织实施保障性住房建设和公租房分配管理。",
            "负责全区老旧小区改造和城镇棚户区改造工作。",
            "负责全区建筑市场和房屋建筑工程质量安全监督管理。",
            "负责全区建筑节能和建筑垃圾资源化利用的推进工作。",
            "完成区委、区政府交办的其他任务。",
        ],
        annual_tasks=[
            "完成12个老旧小区改造项目开工，惠及居民2600户",
            "交付城镇棚户区改造安置房380套",
            "开展建筑施工安全生产治本攻坚行动，全年不发生较大及以上安全事故",
            "做好公租房保障和租赁补贴发放工作。",
        ],
        long_term_goals=[],
        annual_goals=[
            "老旧小区改造和棚户区改造任务全面完成，群众居住条件明显改善。",
            "住房保障做到应保尽保，保障对象满意度达到90%以上。",
            "建筑工程质量安全形势总体平稳，建筑市场秩序进一步规范。",
        ],
        indicators=inds, style=st, templates={"annual": tpl},
        plan=[("name", "部门（单位）名称"),
              ("list", "functions", "部门职能概述", "fullparen", False, False),
              ("list", "annual_tasks", "年度主要任务", "dun", True, True),
              ("list", "annual_goals", "年度绩效目标", "dot", False, True),
              ("caption", "年度绩效指标", "annual"),
              ("table", "annual")])
    return TDoc(doc, "T4", department_code="219001", p_tags=("annual_tasks", "annual_goals"),
                text_warnings=("empty_row",), pdf_warnings=("empty_row",),
                pdf=(("reportlab-cid", {}), ("chromium", {"footer": "dash"})))


# --- T6: county template, 二级指标 spanning the level-2 and the indicator column ----

def t6():
    cols = [Col("level1", 60), Col("level2", 70), Col("level3", 170), Col("target", 80), Col("remark", 70)]
    hdr = [(0, 0, 1, 1, "一级指标"), (0, 1, 1, 2, "二级指标"), (0, 3, 1, 1, "指标值"), (0, 4, 1, 1, "备注")]
    tpl = TableTemplate(cols, hdr, "年度绩效指标")
    P, E, S = "产出指标", "效益指标", "满意度指标"
    rows = [
        (P, "数量指标", "义务教育阶段家庭经济困难学生资助人数", "≥3200人", "含民办学校学生"),
        (P, "数量指标", "新建改建校舍面积", "≥12000平方米", None),
        (P, "数量指标", "中小学教师培训", "≥2500人次", None),
        (P, "数量指标", "农村学校营养改善计划受益学生数", "≥18000人", None),
        (P, "质量指标", "义务教育巩固率", "≥99%", None),
        (P, "质量指标", "高中阶段毛入学率", "≥95%", "按学年统计"),
        (P, "质量指标", "校园安全隐患整改率", "100%", None),
        (P, "时效指标", "学生资助资金发放及时率", "100%", None),
        (P, "时效指标", "秋季学期教材到校时间", "开学前", None),
        (P, "成本指标", "小学生均公用经费标准", "≥720元", "省定标准"),
        (P, "成本指标", "初中生均公用经费标准", "≥940元", "省定标准"),
        (E, "社会效益指标", "适龄儿童少年失学辍学人数", "0人", None),
        (E, "社会效益指标", "县域义务教育优质均衡发展", "稳步推进", None),
        (E, "可持续影响指标", "教育信息化应用水平", "持续提升", None),
        (S, "服务对象满意度指标", "学生家长满意度", "≥90%", None),
        (S, "服务对象满意度指标", "在校教师满意度", "≥90%", None),
    ]
    inds = [Indicator("annual", a, b, c, t, [], None, None, remark=r) for a, b, c, t, r in rows]
    inds[9].dump_break_before = True
    st = Style(enum_functions="fullparen", enum_tasks="cn_dun", enum_long_term="dun", enum_annual="dun",
               semicolons_annual=True, paragraphs_annual=False, footer="dash", continuation="repeat",
               long_term_label="长期目标（截至{deadline}年）")
    doc = Doc(
        stem="t6-yuexi-education-bureau-2025",
        title="岳西县教育局2025年部门整体绩效目标表", year=2025, department="岳西县教育局",
        history_years=[], unit=None, long_term_deadline=2027, funding=[],
        functions=[
            "贯彻执行国家、省、市教育工作方针政策，拟订全县教育事业发展规划并组织实施。",
            "负责全县各级各类教育的统筹规划和协调管理，推进义务教育均衡发展。",
            "负责全县教育经费的统筹管理，落实学生资助政策。",
            "负责全县中小学教师队伍建设和教师培训工作。",
            "负责全县学校安全和校园周边环境综合治理工作。",
        ],
        annual_tasks=[
            "实施义务教育薄弱环节改善与能力提升工程，新建改建校舍1.2万平方米。",
            "落实家庭经济困难学生资助政策，资助学生3200人以上。",
            "开展中小学教师全员培训，培训2500人次。",
            "实施农村义务教育学生营养改善计划。",
        ],
        long_term_goals=[
            "县域义务教育实现优质均衡发展，通过国家督导评估认定。",
            "高中阶段毛入学率稳定在95%以上，职业教育办学条件全面达标。",
            "建成一支师德高尚、业务精湛的教师队伍。",
        ],
        annual_goals=[
            "义务教育巩固率保持在99%以上",
            "学生资助应助尽助，资金发放及时率100%",
            "校园安全形势持续稳定。",
        ],
        indicators=inds, style=st, templates={"annual": tpl},
        plan=[("name", "部门（单位）名称"),
              ("list", "functions", "部门职责", "fullparen", False, True),
              ("list", "annual_tasks", "年度工作任务", "cn_dun", False, True),
              ("list", "long_term_goals", "长期目标（截至2027年）", "dun", False, True),
              ("list", "annual_goals", "年度目标", "dun", True, False),
              ("table", "annual")])
    return TDoc(doc, "T6", p_tags=("functions", "annual_tasks", "long_term_goals"),
                pdf=(("reportlab-ttf", {"font_size": 12, "footer": "of"}), ("chromium", {})))


# --- seed variants ------------------------------------------------------------------

JH, TS = "计划标准", "行业标准"
LS = "历史标准"
JB, TJ = "绩效基本型", "绩效提升型"


def s_reordered():
    """The seed's template with the columns in another order: 指标分类 and
    指标值确定依据 before the values; in the annual table 预期当年实现值
    before 近两年指标值."""
    lt = TableTemplate([Col("level1", 56), Col("level2", 70), Col("level3", 128), Col("category", 62),
                        Col("basis", 56), Col("target", 66)],
                       _hdr(["一级指标", "二级指标", "三级指标", "指标分类", "指标值确定依据", "指标值"]), "长期绩效指标")
    an = TableTemplate([Col("level1", 48), Col("level2", 58), Col("level3", 92), Col("category", 59),
                        Col("basis", 48), Col("target", 52), Col("history", 45, 0), Col("history", 45, 1)],
                       [(0, 0, 3, 1, "一级指标"), (0, 1, 3, 1, "二级指标"), (0, 2, 3, 1, "三级指标"),
                        (0, 3, 3, 1, "指标分类"), (0, 4, 3, 1, "指标值确定依据"), (0, 5, 1, 3, "指标值"),
                        (1, 5, 2, 1, "预期当年实现值"), (1, 6, 1, 2, "近两年指标值"),
                        (2, 6, 1, 1, "2024年"), (2, 7, 1, 1, "2025年")], "年度绩效指标")
    R, M, L, X, K, Y = "运行成本", "管理效率", "履职效能", "社会效应", "可持续发展能力", "满意度"
    rows = [
        (R, "公用经费控制", "公用经费控制率", "≤100%", ("100%", "100%"), "≤100%", JH, JB),
        (R, "在职人员控制", "在职人员控制率", "≤100%", ("100%", "100%"), "≤100%", JH, JB),
        (R, "项目支出成本控制", "“三公”经费变动率", "≤0%", ("-3.5%", "0%"), "≤0%", JH, JB),
        (M, "战略管理", "中长期规划相符性", "相符", ("相符", "相符"), "相符", JH, JB),
        (M, "预算编制", "预算编制科学性", "科学", ("科学", "科学"), "科学", JH, JB),
        (M, "预算编制", "预算调整率", "≤5%", ("4.2%", "3.6%"), "≤5%", JH, JB),
        (M, "预算执行", "预算执行率", "≥95%", ("96.1%", "97.4%"), "≥95%", JH, JB),
        (M, "预算执行", "结转结余率", "≤5%", ("3.9%", "2.8%"), "≤5%", JH, JB),
        (M, "绩效管理", "绩效目标合理性", "合理", ("合理", "合理"), "合理", JH, JB),
        (M, "财务管理", "资金使用合规性", "合规", ("合规", "合规"), "合规", JH, JB),
        (L, "食品安全监管", "食品安全监督抽检批次", "≥26000批次", ("5120批次", "5360批次"), "≥5500批次", JH, TJ,
         {"brk_lt": True}),
        (L, "食品安全监管", "食品安全评价性抽检合格率", "≥98%", ("98.3%", "98.6%"), "≥98%", TS, JB),
        (L, "经营主体服务", "企业开办全程网办率", "≥95%", ("90.5%", "93.2%"), "≥95%", JH, TJ),
        (L, "经营主体服务", "经营主体年度净增户数", "≥6万户", ("1.32万户", "1.41万户"), "≥1.5万户", LS, TJ),
        (L, "质量强市建设", "主导和参与制修订标准数", "≥80项", ("16项", "18项"), "≥20项", JH, TJ),
        (L, "特种设备安全监管", "特种设备定期检验率", "≥99%", ("98.7%", "99.1%"), "≥99%", TS, JB),
        (X, "经济效益", "为企业减免检验检测费用", "逐年增加", ("185万元", "210万元"), "≥220万元", LS, TJ,
         {"brk_an": True}),
        (X, "社会效益", "较大及以上食品安全事故", "0起", ("0起", "0起"), "0起", JH, JB),
        (K, "人才支撑", "执法人员业务培训覆盖率", "100%", ("100%", "100%"), "100%", JH, JB),
        (K, "科技支撑", "智慧监管平台稳定运行率", "≥98%", ("97.5%", "98.2%"), "≥98%", JH, TJ),
        (Y, "服务对象满意度", "经营主体满意度", "≥90%", ("91.2%", "92.6%"), "≥92%", JH, JB),
        (Y, "服务对象满意度", "消费者投诉处理满意度", "≥90%", ("89.8%", "91.5%"), "≥90%", JH, JB),
    ]
    st = dataclasses.replace(SEED_STYLE, long_term_label="长期目标：\n(截止{deadline}年)")
    doc = Doc(
        stem="s-reordered-jingmen-market-regulation-bureau-2026",
        title="2026 年部门整体绩效目标批复", year=2026, department="荆门市市场监督管理局",
        history_years=[2024, 2025], unit=None, long_term_deadline=2028,
        funding=funding([("财政拨款", 6235.40, 5870.12, 6102.55), ("财政专户管理资金", None, None, None),
                         ("单位资金", 126.00, 98.50, 110.30)],
                        [("人员类项目支出", 3012.66, 2850.20, 2966.48), ("运转类项目支出", 845.30, 802.11, 830.92),
                         ("特定目标类项目支出", 2503.44, 2316.31, 2415.45)]),
        functions=[
            "贯彻执行国家、省关于市场监督管理工作的方针政策和法律法规，负责全市市场综合监督管理。",
            "负责经营主体统一登记注册，组织指导企业、个体工商户、农民专业合作社登记注册工作。",
            "负责组织和指导市场监管综合执法工作，规范和维护市场秩序。",
            "负责全市食品安全监督管理综合协调和食品生产经营监督管理，组织开展食品安全监督抽检。",
            "负责特种设备安全监督管理，组织开展特种设备安全监察。",
            "负责计量、标准化、检验检测和认证认可工作，推进质量强市建设。",
            "负责药品、医疗器械和化妆品经营环节的监督管理。",
            "完成市委、市政府交办的其他任务。",
        ],
        annual_tasks=[
            "开展食品安全“守底线、查隐患、保安全”专项行动，全年完成食品安全监督抽检5500批次以上",
            "深化“高效办成一件事”改革，企业开办全程网办率保持在95%以上",
            "推进质量强市建设，新增主导和参与制修订标准20项以上",
            "强化特种设备安全监管，特种设备定期检验率达到99%以上。",
        ],
        long_term_goals=[
            "建成统一开放、竞争有序的高标准市场体系，经营主体总量突破40万户。",
            "食品药品安全形势持续稳定向好，食品安全评价性抽检合格率稳定在98%以上。",
            "质量基础设施更加完善，质量强市建设取得明显成效。",
        ],
        annual_goals=[
            "食品安全监督抽检不少于5500批次，不发生区域性、系统性食品安全事件",
            "经营主体年度净增1.5万户以上",
            "特种设备万台死亡率控制在0.2以下，重点工业产品质量监督抽查合格率达到95%以上。",
        ],
        indicators=both_tables(rows), style=st, templates={"long_term": lt, "annual": an})
    doc.plan = seed_plan(st)
    return TDoc(doc, "S-reordered", p_tags=("functions", "annual_tasks", "long_term_goals"),
                pdf=(("reportlab-cid", {}), ("chromium", {"footer": "of"})))


def s_nocategory():
    """The seed's template without 指标分类; the annual header in two rows
    (近两年指标值 over the years, 预期当年实现值 beside them)."""
    lt = TableTemplate([Col("level1", 56), Col("level2", 70), Col("level3", 140), Col("target", 80),
                        Col("basis", 66)],
                       _hdr(["一级指标", "二级指标", "三级指标", "指标值", "指标值确定依据"]), "长期绩效指标")
    an = TableTemplate([Col("level1", 50), Col("level2", 62), Col("level3", 104), Col("history", 48, 0),
                        Col("history", 48, 1), Col("target", 56), Col("basis", 58)],
                       [(0, 0, 2, 1, "一级指标"), (0, 1, 2, 1, "二级指标"), (0, 2, 2, 1, "三级指标"),
                        (0, 3, 1, 2, "近两年指标值"), (0, 5, 2, 1, "预期当年实现值"), (0, 6, 2, 1, "指标值确定依据"),
                        (1, 3, 1, 1, "2024年"), (1, 4, 1, 1, "2025年")], "年度绩效指标")
    R, M, L, X, K, Y = "运行成本", "管理效率", "履职效能", "社会效应", "可持续发展能力", "满意度"
    rows = [
        (R, "公用经费控制", "公用经费控制率", "≤100%", ("98%", "99%"), "≤100%", JH, None),
        (R, "项目支出成本控制", "“三公”经费变动率", "≤0%", ("0%", "-1.2%"), "≤0%", JH, None),
        (M, "预算执行", "预算执行率", "≥95%", ("97.2%", "98.5%"), "≥96%", JH, None),
        (M, "预算执行", "政府采购执行率", "100%", ("100%", "100%"), "100%", JH, None),
        (M, "绩效管理", "绩效评价覆盖率", "100%", ("100%", "100%"), "100%", JH, None),
        (M, "资产管理", "资产管理规范性", "规范", ("规范", "规范"), "规范", JH, None),
        (L, "社会救助", "城乡低保资金按时发放率", "100%", ("100%", "100%"), "100%", JH, None),
        (L, "社会救助", "特困人员集中供养率", "≥40%", ("36.5%", "38.2%"), "≥40%", TS, None),
        (L, "社会救助", "临时救助审批时限", "≤5个工作日", ("7个工作日", "5个工作日"), "≤5个工作日", JH, None),
        (L, "养老服务", "新建街道综合养老服务中心数", "≥30个", ("6个", "7个"), "≥8个", JH, None,
         {"shift_an": True}),
        (L, "养老服务", "每千名老年人拥有养老床位数", "≥35张", ("31.6张", "33.2张"), "≥34张", TS, None),
        (L, "社会事务管理", "县级公益性公墓覆盖率", "100%", ("80%", "90%"), "100%", JH, None, {"brk_an": True}),
        (L, "社会事务管理", "婚姻登记合格率", "100%", ("100%", "100%"), "100%", TS, None),
        (X, "社会效益", "困难群众基本生活保障情况", "应保尽保", ("应保尽保", "应保尽保"), "应保尽保", JH, None,
         {"brk_lt": True}),
        (X, "社会效益", "养老机构安全责任事故", "0起", ("0起", "0起"), "0起", JH, None),
        (K, "体制机制改革", "“一老一小”服务工作机制", "健全", ("基本建立", "健全"), "健全", JH, None),
        (Y, "服务对象满意度", "救助对象满意度", "≥90%", ("92%", "93%"), "≥92%", JH, None),
        (Y, "服务对象满意度", "养老机构入住老人满意度", "≥90%", ("90.5%", "91.8%"), "≥92%", LS, None),
    ]
    st = dataclasses.replace(SEED_STYLE, enum_functions="fullparen", semicolons_annual=False,
                             paragraphs_annual=True, annual_header="two", footer="of",
                             long_term_label="长期目标：(截止{deadline}年)", annual_goal_label="年度目标：")
    doc = Doc(
        stem="s-nocategory-huanggang-civil-affairs-bureau-2026",
        title="2026 年部门整体绩效目标批复", year=2026, department="黄冈市民政局",
        history_years=[2024, 2025], unit="万元", long_term_deadline=2027,
        funding=funding([("财政拨款", 12480.36, 11236.50, 11952.08), ("财政专户管理资金", None, None, None),
                         ("单位资金", None, None, None)],
                        [("人员类项目支出", 1865.22, 1790.34, 1822.61), ("运转类项目支出", 412.80, 398.25, 405.16),
                         ("特定目标类项目支出", 10202.34, 9047.91, 9724.31)]),
        functions=[
            "贯彻落实国家和省关于民政工作的方针政策和法律法规，拟订全市民政事业发展规划并组织实施。",
            "负责全市社会救助工作，统筹城乡最低生活保障、特困人员救助供养和临时救助。",
            "负责全市养老服务体系建设，指导养老服务机构管理工作。",
            "负责儿童福利、孤弃儿童保障和农村留守儿童关爱保护工作。",
            "负责社会组织登记管理和执法监督工作。",
            "负责行政区划、地名管理和婚姻登记、殡葬管理工作。",
        ],
        annual_tasks=[
            "落实城乡低保、特困供养和临时救助政策，确保困难群众应保尽保",
            "新建街道综合养老服务中心8个，提升农村互助养老服务设施覆盖率",
            "开展社会组织年检和等级评估，推进社会组织规范化建设",
            "推进殡葬改革，县级公益性公墓覆盖率达到100%。",
        ],
        long_term_goals=[
            "社会救助体系更加完善，困难群众基本生活得到有效保障。",
            "居家社区机构相协调、医养康养相结合的养老服务体系基本建成，每千名老年人拥有养老床位数达到35张。",
            "基层治理和社会组织管理水平明显提升。",
        ],
        annual_goals=[
            "城乡低保、特困人员救助供养资金按时足额发放，困难群众应保尽保",
            "养老服务设施建设任务全面完成，养老机构服务质量稳步提升",
            "婚姻登记、殡葬服务等基本社会服务水平进一步提高。",
        ],
        indicators=both_tables(rows), style=st, templates={"long_term": lt, "annual": an})
    doc.plan = seed_plan(st)
    return TDoc(doc, "S-nocategory", p_tags=("annual_tasks", "long_term_goals"),
                text_warnings=("shifted_cells",),
                pdf=(("reportlab-ttf", {}), ("chromium", {"footer": "dash"})))


def s_remark():
    """The seed's template with 备注 added at the end of both tables."""
    lt = TableTemplate([Col("level1", 52), Col("level2", 62), Col("level3", 110), Col("target", 60),
                        Col("basis", 52), Col("category", 56), Col("remark", 70)],
                       _hdr(["一级指标", "二级指标", "三级指标", "指标值", "指标值确定依据", "指标分类", "备注"]),
                       "长期绩效指标")
    an = TableTemplate([Col("level1", 44), Col("level2", 52), Col("level3", 84), Col("history", 42, 0),
                        Col("history", 42, 1), Col("target", 48), Col("basis", 44), Col("category", 50),
                        Col("remark", 60)],
                       [(0, 0, 3, 1, "一级指标"), (0, 1, 3, 1, "二级指标"), (0, 2, 3, 1, "三级指标"),
                        (0, 3, 1, 3, "指标值"), (0, 6, 3, 1, "指标值确定依据"), (0, 7, 3, 1, "指标分类"),
                        (0, 8, 3, 1, "备注"), (1, 3, 1, 2, "近两年指标值"), (1, 5, 2, 1, "预期当年实现值"),
                        (2, 3, 1, 1, "2024年"), (2, 4, 1, 1, "2025年")], "年度绩效指标")
    R, M, L, X, K, Y = "运行成本", "管理效率", "履职效能", "社会效应", "可持续发展能力", "满意度"
    rows = [
        (R, "公用经费控制", "公用经费控制率", "≤100%", ("100%", "100%"), "≤100%", JH, JB),
        (R, "在职人员控制", "在职人员控制率", "≤100%", ("100%", "100%"), "≤100%", JH, JB),
        (R, "项目支出成本控制", "会议费控制率", "≤100%", ("95%", "97%"), "≤100%", JH, JB),
        (M, "预算编制", "预算编制合理性", "合理", ("合理", "合理"), "合理", JH, JB),
        (M, "预算执行", "预算执行率", "≥95%", ("95.8%", "96.9%"), "≥96%", JH, JB),
        (M, "绩效管理", "绩效监控开展率", "100%", ("100%", "100%"), "100%", JH, JB),
        (M, "财务管理", "会计核算规范性", "规范", ("规范", "规范"), "规范", JH, JB),
        (L, "法治宣传", "法治宣传活动场次", "≥1200场次", ("286场次", "305场次"), "≥300场次", JH, TJ,
         {"r_an": "含“宪法宣传周”集中宣传活动"}),
        (L, "法律援助", "法律援助案件办结数", "≥7000件", ("1650件", "1732件"), "≥1800件", LS, TJ,
         {"r_lt": "2025—2027年累计", "brk_an": True}),
        (L, "法律援助", "法律援助案件质量评估合格率", "≥95%", ("96%", "97%"), "≥96%", TS, JB),
        (L, "社区矫正", "社区矫正对象再犯罪率", "≤0.2%", ("0.15%", "0.12%"), "≤0.2%", TS, JB,
         {"r_lt": "低于全省平均水平", "r_an": "低于全省平均水平"}),
        (L, "人民调解", "矛盾纠纷调解成功率", "≥98%", ("98.4%", "98.7%"), "≥98%", JH, JB),
        (L, "行政复议", "行政复议案件按期办结率", "100%", ("100%", "100%"), "100%", JH, JB,
         {"r_an": "按新修订的行政复议法规定时限计算"}),
        (X, "社会效益", "群众法治意识提升情况", "明显提升", ("有所提升", "明显提升"), "明显提升", JH, TJ,
         {"brk_lt": True}),
        (X, "社会效益", "“法律明白人”培养人数", "≥6000人", ("4200人", "5100人"), "≥5600人", JH, TJ,
         {"r_lt": "每个行政村不少于3人"}),
        (K, "科技支撑", "智慧矫正中心建设", "全覆盖", ("建成市级中心", "县级覆盖80%"), "全覆盖", JH, TJ,
         {"r_an": "县级中心全部建成"}),
        (Y, "服务对象满意度", "法律援助受援人满意度", "≥95%", ("96.2%", "96.8%"), "≥96%", JH, JB),
        (Y, "服务对象满意度", "公共法律服务群众满意度", "≥90%", ("91%", "92.5%"), "≥92%", JH, JB,
         {"r_lt": "第三方测评", "r_an": "第三方测评"}),
    ]
    st = dataclasses.replace(SEED_STYLE, repeat_header=True)
    doc = Doc(
        stem="s-remark-yichang-justice-bureau-2026",
        title="2026 年部门整体绩效目标批复", year=2026, department="宜昌市司法局",
        history_years=[2024, 2025], unit=None, long_term_deadline=2027,
        funding=funding([("财政拨款", 4326.75, 3980.42, 4155.38), ("财政专户管理资金", None, None, None),
                         ("单位资金", 35.00, 28.60, 31.20)],
                        [("人员类项目支出", 2210.48, 2088.15, 2150.73), ("运转类项目支出", 536.27, 512.40, 529.66),
                         ("特定目标类项目支出", 1615.00, 1408.47, 1506.19)]),
        functions=[
            "承担统筹规划全市法治社会建设的责任，负责拟订全市法治宣传教育规划并组织实施。",
            "负责全市行政复议和行政应诉工作，承担行政执法协调监督职责。",
            "负责全市人民调解工作和人民陪审员、人民监督员选任管理工作。",
            "负责社区矫正和安置帮教工作，指导监督全市社区矫正机构工作。",
            "负责全市公共法律服务体系建设，指导律师、公证、司法鉴定和法律援助工作。",
            "完成市委、市政府交办的其他任务。",
        ],
        annual_tasks=[
            "做好“八五”普法规划收官工作，开展法治宣传活动300场次以上",
            "推进公共法律服务实体平台、热线平台和网络平台融合发展，法律援助案件办结1800件以上",
            "强化社区矫正监督管理，社区矫正对象再犯罪率控制在0.2%以下",
            "加强人民调解组织建设，矛盾纠纷调解成功率保持在98%以上。",
        ],
        long_term_goals=[
            "法治宜昌建设深入推进，全民法治观念明显增强。",
            "覆盖城乡、便捷高效、均等普惠的现代公共法律服务体系全面建成。",
            "社区矫正工作规范化、信息化水平显著提高，社会大局持续和谐稳定。",
        ],
        annual_goals=[
            "法治宣传教育覆盖面持续扩大，群众法治意识进一步提升",
            "公共法律服务更加便捷，法律援助应援尽援",
            "社区矫正安全稳定，矛盾纠纷化解率保持较高水平。",
        ],
        indicators=both_tables(rows), style=st, templates={"long_term": lt, "annual": an})
    doc.plan = seed_plan(st)
    return TDoc(doc, "S-remark", p_tags=("functions", "annual_tasks", "long_term_goals"),
                pdf=(("reportlab-cid", {}), ("chromium", {"repeat_header": False})))


def s_weight():
    """The seed's template with 权重 and 计量单位 columns: the 指标值 cells
    hold the number only."""
    lt = TableTemplate([Col("level1", 52), Col("level2", 62), Col("level3", 116), Col("weight", 34),
                        Col("target", 54), Col("unit", 42), Col("basis", 52), Col("category", 56)],
                       _hdr(["一级指标", "二级指标", "三级指标", "权重", "指标值", "计量单位", "指标值确定依据",
                             "指标分类"]), "长期绩效指标")
    an = TableTemplate([Col("level1", 44), Col("level2", 52), Col("level3", 88), Col("weight", 30),
                        Col("history", 40, 0), Col("history", 40, 1), Col("target", 46), Col("unit", 38),
                        Col("basis", 44), Col("category", 50)],
                       [(0, 0, 3, 1, "一级指标"), (0, 1, 3, 1, "二级指标"), (0, 2, 3, 1, "三级指标"),
                        (0, 3, 3, 1, "权重"), (0, 4, 1, 3, "指标值"), (0, 7, 3, 1, "计量单位"),
                        (0, 8, 3, 1, "指标值确定依据"), (0, 9, 3, 1, "指标分类"),
                        (1, 4, 1, 2, "近两年指标值"), (1, 6, 2, 1, "预期当年实现值"),
                        (2, 4, 1, 1, "2024年"), (2, 5, 1, 1, "2025年")], "年度绩效指标")
    R, M, L, X, K, Y = "运行成本", "管理效率", "履职效能", "社会效应", "可持续发展能力", "满意度"
    P = "%"
    rows = [
        (R, "公用经费控制", "公用经费控制率", "≤100", ("100", "100"), "≤100", JH, JB, {"unit": P, "w": 5.0}),
        (R, "项目支出成本控制", "“三公”经费变动率", "≤0", ("0", "-2.4"), "≤0", JH, JB, {"unit": P, "w": 5.0}),
        (M, "预算执行", "预算执行率", "≥95", ("96.5", "97.8"), "≥96", JH, JB, {"unit": P, "w": 5.0}),
        (M, "预算执行", "结转结余率", "≤5", ("4.1", "3.2"), "≤5", JH, JB, {"unit": P, "w": 2.5}),
        (M, "绩效管理", "绩效评价覆盖率", "100", ("100", "100"), "100", JH, JB, {"unit": P, "w": 2.5}),
        (M, "财务管理", "资金使用合规性", "合规", ("合规", "合规"), "合规", JH, JB, {"w": 5.0}),
        (L, "就业创业", "城镇新增就业人数", "≥12.8", ("3.05", "3.12"), "≥3.2", JH, TJ, {"unit": "万人", "w": 10.0}),
        (L, "就业创业", "城镇调查失业率", "≤5.5", ("5.3", "5.2"), "≤5.5", TS, JB, {"unit": P, "w": 5.0}),
        (L, "就业创业", "发放创业担保贷款", "≥12", ("2.6", "2.9"), "≥3", JH, TJ, {"unit": "亿元", "w": 5.0}),
        (L, "职业能力建设", "补贴性职业技能培训", "≥8", ("1.82", "1.95"), "≥2", JH, TJ,
         {"unit": "万人次", "w": 10.0, "brk_an": True}),
        (L, "职业能力建设", "新增高技能人才", "≥12000", ("2650", "2870"), "≥3000", JH, TJ, {"unit": "人", "w": 5.0}),
        (L, "社会保障", "基本养老保险参保率", "≥95", ("93.6", "94.5"), "≥95", TS, TJ, {"unit": P, "w": 10.0}),
        (L, "社会保障", "社保待遇按时足额发放率", "100", ("100", "100"), "100", JH, JB, {"unit": P, "w": 5.0}),
        (L, "劳动保障监察", "劳动保障监察案件结案率", "100", ("98.6", "99.3"), "100", JH, JB,
         {"unit": P, "w": 5.0, "brk_lt": True}),
        (X, "社会效益", "重点群体就业帮扶", "应帮尽帮", ("应帮尽帮", "应帮尽帮"), "应帮尽帮", JH, JB, {"w": 5.0}),
        (X, "经济效益", "技能人才占就业人员比例", "≥30", ("26.4", "27.8"), "≥28.5", JH, TJ, {"unit": P, "w": 5.0}),
        (K, "科技支撑", "人社业务“一网通办”事项数", "≥200", ("146", "168"), "≥180", JH, TJ, {"unit": "个", "w": 2.5}),
        (Y, "服务对象满意度", "参保群众满意度", "≥90", ("91", "92"), "≥92", JH, JB, {"unit": P, "w": 5.0}),
        (Y, "服务对象满意度", "用人单位满意度", "≥90", ("90", "91"), "≥90", JH, JB, {"unit": P, "w": 2.5}),
    ]
    inds = both_tables(rows)
    for t in ("long_term", "annual"):
        assert abs(sum(i.weight for i in inds if i.table == t) - 100.0) < 1e-9
    st = dataclasses.replace(SEED_STYLE, thousands=True, font_size=9.5, enum_tasks="dot",
                             long_term_label="长期目标：(截止{deadline}年)", annual_goal_label="年度目标：",
                             paragraphs_annual=True, semicolons_annual=False)
    doc = Doc(
        stem="s-weight-shiyan-hrss-bureau-2026",
        title="2026 年部门整体绩效目标批复", year=2026, department="十堰市人力资源和社会保障局",
        history_years=[2024, 2025], unit=None, long_term_deadline=2028,
        funding=funding([("财政拨款", 9653.20, 8820.45, 9306.72), ("财政专户管理资金", 420.00, 385.00, 402.50),
                         ("单位资金", None, None, None)],
                        [("人员类项目支出", 3520.84, 3290.17, 3412.65), ("运转类项目支出", 980.36, 925.48, 958.21),
                         ("特定目标类项目支出", 5572.00, 4989.80, 5338.36)]),
        functions=[
            "贯彻执行国家和省人力资源和社会保障工作方针政策，拟订全市人力资源和社会保障事业发展规划并组织实施。",
            "负责促进就业工作，拟订统筹城乡的就业发展规划和政策，完善公共就业创业服务体系。",
            "统筹建立覆盖城乡的多层次社会保障体系，组织实施养老、失业、工伤等社会保险政策。",
            "负责全市职业能力建设，拟订职业培训和技能人才培养政策并组织实施。",
            "负责劳动保障监察工作，协调劳动者维权，依法查处劳动保障违法案件。",
            "完成市委、市政府交办的其他任务。",
        ],
        annual_tasks=[
            "城镇新增就业3.2万人以上，城镇调查失业率控制在5.5%以内",
            "开展补贴性职业技能培训2万人次以上",
            "推进全民参保计划，基本养老保险参保率达到95%以上",
            "深入开展根治欠薪行动，确保欠薪案件动态清零。",
        ],
        long_term_goals=[
            "就业规模持续扩大，就业结构不断优化，城镇调查失业率控制在5.5%以内。",
            "多层次社会保障体系更加健全，基本养老保险参保率稳定在95%以上。",
            "技能人才队伍不断壮大，技能人才占就业人员比例达到30%。",
        ],
        annual_goals=[
            "城镇新增就业3.2万人以上，失业人员再就业8000人以上",
            "补贴性职业技能培训2万人次以上，新增高技能人才3000人",
            "劳动保障监察案件结案率达到100%。",
        ],
        indicators=inds, style=st, templates={"long_term": lt, "annual": an})
    doc.plan = seed_plan(st)
    return TDoc(doc, "S-weight", p_tags=("functions", "annual_tasks", "long_term_goals", "annual_goals"),
                pdf=(("reportlab-ttf", {}), ("chromium", {"footer": "of"}), ("gbk", {"font_size": 9.5})))


def documents() -> List[TDoc]:
    return [t1(), t4(), t6(), s_reordered(), s_nocategory(), s_remark(), s_weight()]


# --- text dump --------------------------------------------------------------------

DUMP_WIDTH = 7          # cells of a non-table row (label included), as in the seed


def _pad(cells, width=DUMP_WIDTH):
    return cells + [""] * max(0, width - len(cells))


def _label(doc, label):
    return label.format(deadline=doc.long_term_deadline).replace("\n", " ")


def list_text(td: TDoc, entry, for_dump=True):
    _, attr, label, enum, semi, paras = entry
    items = getattr(td.doc, attr)
    ps = list_paragraphs(items, enum, semi, paras)
    if for_dump and attr in td.p_tags:
        return " ".join("<p>%s</p>" % p for p in ps)
    return " ".join(ps)


def table_rows(doc: Doc, table: str):
    """(header rows, body rows) of an indicator table as cell lists (label
    column included when the table has one); body rows are (indicator,
    cells) with merged level cells empty in continuation rows."""
    tpl = doc.template(table)
    n = len(tpl.cols)
    lab = tpl.label is not None
    heads = []
    for r in range(tpl.header_rows):
        cells = [""] * n
        for hr, hc, _, _, t in tpl.header:
            if hr == r:
                cells[hc] = t
        heads.append(([tpl.label if r == 0 else ""] if lab else []) + cells)
    c1, c2 = tpl.col_index("level1"), tpl.col_index("level2")
    body = []
    prev = None
    for ind in doc.table(table):
        cells = [cell_value(ind, c) or "" for c in tpl.cols]
        if prev is not None and c1 is not None and ind.level1 == prev.level1 and ind.level1 is not None:
            cells[c1] = ""
            if c2 is not None and ind.level2 == prev.level2 and ind.level2 is not None:
                cells[c2] = ""
        if ind.dump_shift:
            assert cells[c1] == "", "only a continuation row can lose its level-1 cell"
            del cells[c1]
        body.append((ind, ([""] if lab else []) + cells))
        prev = ind
    return heads, body


def text_dump(td: TDoc) -> str:
    doc = td.doc
    st = doc.style
    lines = ["", "", doc.title, ""]
    for entry in doc.plan:
        kind = entry[0]
        if kind == "name":
            lines.append("\t".join(_pad([entry[1], doc.department_printed or doc.department])))
        elif kind == "funding":
            y1, y2 = (st.year_label.format(y=y) for y in doc.history_years)
            unit = "单位：" + doc.unit if doc.unit else ""
            lines.append("\t".join([entry[1], "总体资金情况", "", "当年金额", "占比", "近两年收支金额", unit]))
            lines.append("\t".join(["", "", "", "", "", y1, y2]))
            for section, name in (("income", "收入构成"), ("expenditure", "支出构成")):
                first = True
                for f in doc.funding:
                    if f.section != section:
                        continue
                    lines.append("\t".join(["", name if first else "", f.item,
                                            fmt_amount(f.current, st.thousands), fmt_share(f.share_pct),
                                            fmt_amount(f.history[0], st.thousands),
                                            fmt_amount(f.history[1], st.thousands)]))
                    first = False
        elif kind == "list":
            lines.append("\t".join(_pad([_label(doc, entry[2]), list_text(td, entry)])))
        elif kind == "caption":
            n = len(doc.template(entry[2]).cols)
            lines.append("\t".join(_pad([entry[1]], n)))
        elif kind == "table":
            heads, body = table_rows(doc, entry[1])
            lines += ["\t".join(h) for h in heads]
            for ind, cells in body:
                if ind.dump_break_before:
                    lines.append("")
                lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


# --- expectations --------------------------------------------------------------------

_OPS = [("<=", "<="), (">=", ">="), ("≤", "<="), ("≥", ">="), ("≦", "<="), ("≧", ">="),
        ("＜", "<"), ("＞", ">"), ("<", "<"), (">", ">"), ("＝", "="), ("=", "="),
        ("不低于", ">="), ("大于等于", ">="), ("不少于", ">="), ("不高于", "<="), ("不超过", "<="),
        ("小于等于", "<="), ("大于", ">"), ("高于", ">"), ("小于", "<"), ("低于", "<")]
_SUFFIXES = [("及以上", ">="), ("以上", ">="), ("及以下", "<="), ("以下", "<="), ("以内", "<="),
             ("之内", "<="), ("内", "<=")]
_NUM = re.compile(r"(-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(.*)")


def target_parsed(ind: Indicator):
    """SPEC §2.5: an optional operator, a number, an optional unit of up
    to 6 characters; a unit column completes it. Qualitative (定性) rows,
    texts, dates and years are not quantities."""
    t = ind.target
    if t is None or ind.extra.get("指标值类型") == "定性":
        return None
    s = t.strip()
    op = "="
    for w, o in _OPS:
        if s.startswith(w):
            op, s = o, s[len(w):].strip()
            break
    m = _NUM.fullmatch(s)
    if not m:
        return None
    unit = m.group(2).strip() or None
    # An operator word after the quantity: 以上 (>=), 以下/以内/内 (<=).
    for w, o in _SUFFIXES:
        if unit is not None and unit.endswith(w):
            unit = unit[:-len(w)].strip() or None
            op = o if op == "=" else op
            break
    if unit is not None and (len(unit) > 6 or re.search(r"\d", unit) or unit[0] in "年月日"):
        return None
    if unit is None:
        unit = ind.unit
    return {"op": op, "value": float(m.group(1).replace(",", "")), "unit": unit}


def columns(doc: Doc, table: str):
    if not doc.table(table):
        return []
    tpl = doc.template(table)
    out = []
    for c, col in enumerate(tpl.cols):
        header = "/".join(re.sub(r"[\s*＊]", "", h) for h in tpl.header_path(c))
        out.append({"header": header, "field": col.field})
    return out


def expected(td: TDoc, pages: Optional[List[int]], warnings) -> dict:
    """The expected pifu document (the keys the corpus checks). `pages`:
    the page of every row of doc.indicators (PDF), or None (text)."""
    doc = td.doc
    inds = []
    for k, ind in enumerate(doc.indicators):
        if ind.placeholder:
            continue
        tpl = doc.template(ind.table)
        has_hist = any(c.field == "history" for c in tpl.cols)
        extra = {}
        for c in tpl.cols:
            if c.field == "extra" and ind.extra.get(c.key) is not None:
                extra[re.sub(r"[\s*＊]", "", c.key)] = ind.extra[c.key]
        inds.append({
            "table": ind.table, "level1": ind.level1, "level2": ind.level2, "level3": ind.level3,
            "target": ind.target, "unit": ind.unit, "target_parsed": target_parsed(ind),
            "history": list(ind.history) if (ind.table == "annual" and has_hist) else [],
            "basis": ind.basis, "category": ind.category, "weight": ind.weight,
            "direction": ind.direction, "explanation": ind.explanation, "scoring": ind.scoring,
            "remark": ind.remark, "extra": extra, "page": None if pages is None else pages[k],
        })
    return {
        "title": doc.title,
        "year": doc.year,
        "kind": "department_overall",
        "department": doc.department,
        "department_code": td.department_code,
        "history_years": doc.history_years,
        "long_term_deadline": doc.long_term_deadline,
        "funding": {"unit": doc.unit,
                    "rows": [{"section": f.section, "item": f.item, "current": f.current,
                              "share_pct": f.share_pct, "history": f.history, "note": None}
                             for f in doc.funding]},
        "functions": doc.functions,
        "annual_tasks": doc.annual_tasks,
        "long_term_goals": doc.long_term_goals,
        "annual_goals": doc.annual_goals,
        "columns": {"long_term": columns(doc, "long_term"), "annual": columns(doc, "annual")},
        "indicators": inds,
        "warning_codes": sorted(set(warnings)),
    }


def write_json(path, obj):
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")


def write_text_samples(only=""):
    """Writes every text dump and its expectation; returns the file names."""
    os.makedirs(OUT_DIR, exist_ok=True)
    os.makedirs(EXP_DIR, exist_ok=True)
    made = []
    for td in documents():
        if only not in td.doc.stem:
            continue
        name = td.doc.stem + ".txt"
        with open(os.path.join(OUT_DIR, name), "w", encoding="utf-8") as f:
            f.write(text_dump(td))
        write_json(os.path.join(EXP_DIR, name + ".json"), expected(td, None, td.text_warnings))
        made.append(name)
    return made


def pdf_jobs():
    """(file stem, TDoc with the producer's style, producer)."""
    out = []
    for td in documents():
        for producer, over in td.pdf:
            st = dataclasses.replace(td.doc.style, **over)
            doc = dataclasses.replace(td.doc, style=st)
            out.append(("%s.%s" % (td.doc.stem, producer), dataclasses.replace(td, doc=doc), producer))
    return out


if __name__ == "__main__":
    for n in write_text_samples():
        print(n)
