"""Invented departments: deterministic content from realistic vocabularies.

Each department is built with its own seeded random.Random, so the same
code always gives the same documents.
"""
from __future__ import annotations

import dataclasses
import random

from model import Doc, FundingRow, Indicator, Style

BASES = ["计划标准"] * 7 + ["行业标准", "历史标准", "其他标准"]
CATEGORIES = ["绩效基本型"] * 4 + ["绩效提升型"]

# --- value makers -------------------------------------------------------------
# A value kind gives (target, history_1, history_2) for the annual table and
# the long-term target.


def pct_ge(lo, hi):
    def f(rng, annual):
        t = rng.choice(range(lo, hi + 1))
        target = "≥%d%%" % t
        h = [("%d%%" % min(100, t + rng.choice([-2, -1, 0, 0, 1, 2]))) for _ in range(2)]
        return target, h
    return f


def pct_le(v):
    def f(rng, annual):
        return "≤%d%%" % v, ["%d%%" % rng.choice([v, v, v - 1 if v > 0 else v]) for _ in range(2)]
    return f


def exact(s, hist=None):
    def f(rng, annual):
        return s, [hist or s, hist or s]
    return f


def count(unit, lo, hi, op="≥", space=False):
    def f(rng, annual):
        n = rng.randint(lo, hi)
        sp = " " if space else ""
        return "%s%d%s%s" % (op, n, sp, unit), ["%d%s%s" % (max(0, n - rng.randint(0, max(1, n // 5))), sp, unit)
                                               for _ in range(2)]
    return f


def days(n, unit="个工作日"):
    def f(rng, annual):
        return "%d %s" % (n, unit), ["%d%s" % (n + rng.choice([0, 0, 1]), unit) for _ in range(2)]
    return f


def words(target, hist):
    def f(rng, annual):
        return target, [rng.choice(hist), rng.choice(hist)]
    return f


def amount(lo, hi, unit="万元"):
    def f(rng, annual):
        v = rng.randint(lo, hi)
        return "≤%d%s" % (v, unit), ["%d%s" % (v - rng.randint(5, 40), unit) for _ in range(2)]
    return f


# --- the 2021 framework: common parts --------------------------------------------

COMMON_2021 = {
    "运行成本": [
        ("公用经费控制", [("公用经费控制率", pct_le(100))]),
        ("在职人员控制", [("在职人员控制率", pct_le(100))]),
        ("项目支出成本控制", [("“三公”经费变动率", pct_le(0)), ("会议费控制率", pct_le(100)),
                          ("培训费控制率", pct_le(100)), ("差旅费控制率", pct_le(100))]),
    ],
    "管理效率": [
        ("战略管理", [("中长期规划相符性", words("相符", ["相符", "完全相符"])),
                  ("工作计划健全性", words("健全", ["健全"]))]),
        ("预算编制", [("预算编制科学性", words("科学", ["科学"])), ("预算编制合理性", words("合理", ["合理"])),
                  ("立项规范性", words("规范", ["规范"])), ("预算调整率", pct_le(5))]),
        ("预算执行", [("预算执行率", pct_ge(90, 98)), ("结转结余率", pct_le(5)),
                  ("政府采购执行率", exact("100%")), ("非税收入预算完成率", exact("100%"))]),
        ("绩效管理", [("事前绩效评估完成率", exact("100%")), ("绩效目标合理性", words("合理", ["合理"])),
                  ("绩效监控开展率", exact("100%")), ("绩效评价覆盖率", exact("100%")),
                  ("评价结果应用率", exact("100%"))]),
        ("资产管理", [("资产管理制度健全性", words("健全", ["健全"])), ("资产管理规范性", words("规范", ["规范"])),
                  ("固定资产利用率", pct_ge(90, 95))]),
        ("财务管理", [("财务管理制度健全性", words("健全", ["健全"])), ("会计核算规范性", words("规范", ["规范"])),
                  ("资金使用合规性", words("完全合规", ["完全合规", "合规"]))]),
    ],
    "可持续发展能力": [
        ("体制机制改革", [("服务体制改革成效", words("完成", ["完成"])),
                    ("行政管理体制改革成效", words("明显", ["明显", "较明显"]))]),
        ("人才支撑", [("业务学习与培训完成率", exact("100%")), ("干部队伍体系建设规划情况", words("完成", ["完成"])),
                  ("高学历、高层次人才储备率", pct_ge(85, 95))]),
        ("科技支撑", [("信息化建设情况", words("完全合规", ["完全合规"]))]),
    ],
    "满意度": [
        ("服务对象满意度", [("群众满意度", pct_ge(90, 98))]),
        ("联系部门满意度", [("联系部门满意度", pct_ge(90, 98))]),
    ],
}

ORDER_2021 = ["运行成本", "管理效率", "履职效能", "社会效应", "可持续发展能力", "满意度"]
ORDER_OLD = [("产出指标", ["数量指标", "质量指标", "时效指标", "成本指标"]),
             ("效益指标", ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"]),
             ("满意度指标", ["服务对象满意度指标"])]


def _pick(rng, items, k):
    """k items of a list, in list order."""
    k = max(1, min(k, len(items)))
    idx = sorted(rng.sample(range(len(items)), k))
    return [items[i] for i in idx]


def _rows_2021(rng, specific, social, size):
    """(level1, level2, level3, maker) rows; `size` scales how much of the
    vocabulary is used."""
    out = []
    for l1 in ORDER_2021:
        if l1 == "履职效能":
            groups = specific
        elif l1 == "社会效应":
            groups = social
        else:
            groups = COMMON_2021[l1]
        for l2, items in groups:
            for l3, mk in _pick(rng, items, round(len(items) * size + 0.49)):
                out.append((l1, l2, l3, mk))
    return out


def _rows_old(rng, vocab, size):
    out = []
    for l1, l2s in ORDER_OLD:
        for l2 in l2s:
            items = vocab.get(l2, [])
            for l3, mk in _pick(rng, items, round(len(items) * size + 0.49)) if items else []:
                out.append((l1, l2, l3, mk))
    return out


def _indicators(rng, rows_lt, rows_an):
    inds = []
    for l1, l2, l3, mk in rows_lt:
        t, _ = mk(rng, False)
        inds.append(Indicator("long_term", l1, l2, l3, t, [], rng.choice(BASES), rng.choice(CATEGORIES)))
    for l1, l2, l3, mk in rows_an:
        t, h = mk(rng, True)
        if rng.random() < 0.04:
            h = [None, h[1]]            # an indicator new last year: no value two years ago
        inds.append(Indicator("annual", l1, l2, l3, t, h, rng.choice(BASES), rng.choice(CATEGORIES)))
    return inds


def _funding(rng, base, with_special):
    """Income and expenditure rows with shares; amounts in 万元."""
    def split(total, parts):
        ws = [rng.uniform(0.5, 1.5) * p for p in parts]
        s = sum(ws)
        vals = [round(total * w / s, 2) for w in ws[:-1]]
        vals.append(round(total - sum(vals), 2))
        return vals

    totals = [round(base * rng.uniform(0.82, 0.95), 2), round(base * rng.uniform(0.9, 1.05), 2), base]
    inc = [split(t, [0.9, 0.03 if with_special else 0.0, 0.07]) for t in totals]
    exp = [split(t, [0.45, 0.15, 0.40]) for t in totals]
    rows = []

    def share(v, t):
        return None if v is None else round(v * 100.0 / t, 1)

    names_inc = ["财政拨款", "财政专户管理资金", "单位资金"]
    for i, n in enumerate(names_inc):
        cur = inc[2][i] or None
        hist = [inc[0][i] or None, inc[1][i] or None]
        rows.append(FundingRow("income", n, cur, share(cur, totals[2]), hist))
    rows.append(FundingRow("income", "合计", totals[2], 100.0, totals[:2]))
    for i, n in enumerate(["人员类项目支出", "运转类项目支出", "特定目标类项目支出"]):
        rows.append(FundingRow("expenditure", n, exp[2][i], share(exp[2][i], totals[2]),
                               [exp[0][i], exp[1][i]]))
    rows.append(FundingRow("expenditure", "合计", totals[2], 100.0, totals[:2]))
    return rows


# --- departments -------------------------------------------------------------

def jingzhou():
    """荆州市生态环境局 2026, 2021 framework, many indicators."""
    rng = random.Random(20260101)
    specific = [
        ("大气污染防治", [("细颗粒物（PM2.5）年均浓度", count("微克/立方米", 33, 36, "≤")),
                     ("空气质量优良天数比率", pct_ge(80, 86)),
                     ("挥发性有机物重点企业治理完成率", exact("100%"))]),
        ("水污染防治", [("国考断面水质优良比例", pct_ge(85, 95)), ("县级以上集中式饮用水水源地水质达标率", exact("100%")),
                    ("入河排污口排查整治完成率", pct_ge(90, 98)), ("长江干流荆州段水质", words("稳定保持Ⅱ类", ["Ⅱ类"]))]),
        ("土壤污染防治", [("受污染耕地安全利用率", pct_ge(91, 95)), ("重点建设用地安全利用率", pct_ge(95, 99)),
                     ("危险废物规范化管理抽查合格率", pct_ge(90, 95))]),
        ("生态环境执法", [("“双随机、一公开”监管任务完成率", exact("100%")), ("信访投诉办结率", exact("100%")),
                     ("环境违法案件查处数量", count("件", 80, 140)), ("突发环境事件应急处置", days(2, "小时内到达现场"))]),
        ("环境监测", [("自动监测站点数据有效率", pct_ge(90, 95)), ("监测任务完成率", exact("100%"))]),
    ]
    social = [
        ("经济效益", [("环保审批服务重大项目数", count("个", 40, 70)), ("绿色金融支持项目数", count("项", 8, 15, "", True))]),
        ("社会效益", [("环评审批平均时长", days(10)), ("生态环境宣传活动开展次数", count("次", 20, 40)),
                  ("群众环境信访量下降率", pct_ge(5, 10))]),
        ("生态效益", [("化学需氧量重点工程减排量", count("吨", 900, 1400)), ("氨氮重点工程减排量", count("吨", 60, 120)),
                  ("生态环境质量", words("持续改善", ["有所改善", "持续改善"]))]),
    ]
    lt = _rows_2021(rng, specific, social, 0.75)
    an = _rows_2021(rng, specific, social, 1.0)
    doc = Doc(
        stem="jingzhou-ecology-environment-bureau-2026", title="2026 年部门整体绩效目标批复", year=2026,
        department="荆州市生态环境局", history_years=[2024, 2025], unit="万元", long_term_deadline=2028,
        funding=_funding(rng, 8862.40, False),
        functions=[
            "负责建立健全生态环境基本制度。会同有关部门拟订全市生态环境政策、规划并组织实施，起草地方性法规和规章草案。",
            "负责重大生态环境问题的统筹协调和监督管理。牵头协调重特大环境污染事故和生态破坏事件的调查处理，指导协调各县市区政府对重特大突发生态环境事件的应急、预警工作。",
            "负责监督管理全市减排目标的落实。组织制定陆地和水体污染物排放总量控制、排污许可证制度并监督实施。",
            "负责提出生态环境领域固定资产投资规模和方向、市级财政性资金安排的意见，参与指导推动循环经济和生态环保产业发展。",
            "负责环境污染防治的监督管理。制定大气、水、海洋、土壤、噪声、光、恶臭、固体废物、化学品、机动车等的污染防治管理制度并监督实施。",
            "指导协调和监督生态保护修复工作。组织编制生态保护规划，监督对生态环境有影响的自然资源开发利用活动、重要生态环境建设和生态破坏恢复工作。",
            "负责核与辐射安全的监督管理。",
            "负责生态环境准入的监督管理。受市政府委托对重大经济和技术政策、发展规划以及重大经济开发计划进行环境影响评价。",
            "负责生态环境监测工作。制定生态环境监测制度和规范并组织实施，组织对生态环境质量状况进行调查评价、预警预测。",
            "组织指导和协调生态环境宣传教育工作，推动社会组织和公众参与生态环境保护。",
            "完成市委、市政府交办的其他任务。",
        ],
        annual_tasks=[
            "深入打好蓝天保卫战，实施重点行业超低排放改造和挥发性有机物综合治理，细颗粒物年均浓度控制在省定目标以内",
            "深入打好碧水保卫战，持续推进长江入河排污口排查整治和城市黑臭水体治理，国考断面水质优良比例稳定达标",
            "深入打好净土保卫战，加强受污染耕地和建设用地风险管控，推进“无废城市”建设",
            "严格生态环境执法监管，常态化开展“双随机、一公开”监管和重点领域专项执法行动。",
        ],
        long_term_goals=[
            "生态环境质量持续改善，主要污染物排放总量持续减少，空气质量优良天数比率稳定在85%以上。",
            "长江荆州段生态功能逐步恢复，国考断面水质优良比例保持在90%以上，县级以上饮用水水源地水质全部达标。",
            "土壤安全利用水平巩固提升，固体废物和新污染物治理能力明显增强，环境风险得到有效管控。",
            "生态环境治理体系和治理能力现代化水平明显提升，生态文明建设示范创建取得新成效。",
        ],
        annual_goals=[
            "完成省下达的主要污染物减排和空气质量改善目标任务",
            "国考、省考断面水质达到年度考核要求，饮用水水源地水质达标率100%",
            "受污染耕地和重点建设用地安全利用率达到省定目标，全年不发生重大及以上突发环境事件。",
        ],
        indicators=_indicators(rng, lt, an),
        style=Style(enum_functions="fullparen", enum_tasks="dun", enum_long_term="dun", enum_annual="dun",
                    semicolons_tasks=True, semicolons_annual=True, long_term_label="长期目标：\n（截止{deadline}年）",
                    annual_goal_label="年度目标：", footer="of", repeat_header=True, continuation="repeat",
                    annual_header="three", font_size=9.5),
    )
    return doc


OLD_XIANNING = {
    "数量指标": [("高标准农田建设面积", count("万亩", 8, 15, "≥")), ("农作物秸秆综合利用率", pct_ge(93, 96)),
             ("动物疫病强制免疫密度", pct_ge(90, 95)),
             ("农业技术推广服务覆盖的新型农业经营主体（家庭农场、农民合作社）数量", count("家", 300, 500)),
             ("培育高素质农民人数", count("人", 800, 1500)), ("农村人居环境整治村庄覆盖率", pct_ge(95, 100)),
             ("农产品质量安全例行监测样品数", count("批次", 1200, 2000))],
    "质量指标": [("农产品质量安全监测总体合格率", pct_ge(97, 99)), ("高标准农田建设项目竣工验收合格率", exact("100%")),
             ("农村公路与田间道路连通的高标准农田建设项目区工程质量达标情况（按省级验收办法评定）",
              words("达标", ["达标", "基本达标"])),
             ("种子质量抽检合格率", pct_ge(96, 99))],
    "时效指标": [("农业生产救灾资金拨付时限", days(15, "日内")), ("重大动物疫情处置响应时间", days(2, "小时")),
             ("项目资金在规定时限内下达到县市区并按进度拨付至项目实施主体的比例", pct_ge(90, 100))],
    "成本指标": [("项目实施成本控制在预算范围内", words("≤预算", ["≤预算"])),
             ("亩均高标准农田建设投入", count("元", 2500, 3000, "≥"))],
    "经济效益指标": [("农村居民人均可支配收入增幅", pct_ge(6, 8)), ("农业总产值增长率", pct_ge(3, 5)),
               ("带动脱贫户和监测户增收", words("明显", ["明显", "较明显"]))],
    "社会效益指标": [("粮食播种面积", count("万亩", 150, 170)), ("粮食总产量", count("万吨", 80, 95)),
               ("脱贫人口务工规模", count("万人", 5, 8)),
               ("农村承包地确权登记颁证成果在土地流转、抵押贷款、征地补偿等方面的运用情况", words("有效运用", ["有效运用"]))],
    "生态效益指标": [("化肥农药使用量", words("零增长", ["负增长", "零增长"])), ("畜禽粪污综合利用率", pct_ge(80, 90)),
               ("农膜回收率", pct_ge(80, 88))],
    "可持续影响指标": [("农业产业化龙头企业带动能力", words("持续增强", ["增强", "持续增强"])),
                ("乡村振兴示范村建设长效管护机制", words("健全", ["基本健全", "健全"]))],
    "服务对象满意度指标": [("农户满意度", pct_ge(90, 95)), ("新型农业经营主体满意度", pct_ge(90, 95))],
}


def xianning():
    """咸宁市农业农村局 2025, 产出/效益/满意度 framework, long level-3 texts,
    rows split by page breaks."""
    rng = random.Random(20250417)
    lt = _rows_old(rng, OLD_XIANNING, 0.85)
    an = _rows_old(rng, OLD_XIANNING, 1.0)
    return Doc(
        stem="xianning-agriculture-bureau-2025", title="2025年部门整体绩效目标批复", year=2025,
        department="咸宁市农业农村局", history_years=[2023, 2024], unit=None, long_term_deadline=2027,
        funding=_funding(rng, 12640.75, True),
        functions=[
            "贯彻执行党中央、国务院和省委、省政府关于“三农”工作的方针政策和决策部署，统筹研究和组织实施全市“三农”工作的发展战略、中长期规划、重大政策。",
            "统筹推动发展农村社会事业、农村公共服务、农村文化、农村基础设施和乡村治理。牵头组织改善农村人居环境。",
            "指导农村集体经济组织发展和集体资产管理工作，指导农民合作经济组织、农业社会化服务体系、新型农业经营主体建设与发展。",
            "指导乡村特色产业、农产品加工业、休闲农业发展工作，提出促进大宗农产品流通的建议。",
            "负责种植业、畜牧业、渔业、农垦、农业机械化等农业各产业的监督管理。",
            "负责农产品质量安全监督管理，组织开展农产品质量安全监测、追溯、风险评估。",
            "组织农业资源区划工作，指导农用地、渔业水域以及农业生物物种资源的保护与管理，负责耕地及永久基本农田质量保护工作。",
            "负责有关农业生产资料和农业投入品的监督管理，组织农业生产资料市场体系建设。",
            "完成市委、市政府交办的其他任务。",
        ],
        annual_tasks=[
            "稳定粮食生产，全年粮食播种面积稳定在160万亩以上，新建和改造提升高标准农田10万亩。",
            "推进农业产业化发展，培育壮大茶叶、蔬菜、水产等特色产业链，新增规模以上农产品加工企业15家。",
            "巩固拓展脱贫攻坚成果，守住不发生规模性返贫底线，脱贫人口务工规模稳定在6万人以上。",
        ],
        long_term_goals=[
            "粮食综合生产能力稳步提升，粮食播种面积和产量保持稳定，重要农产品供给保障有力。",
            "农业产业链供应链现代化水平明显提升，农产品加工业产值与农业总产值比达到2.8:1。",
            "宜居宜业和美乡村建设取得明显成效，农村居民人均可支配收入增速高于城镇居民。",
        ],
        annual_goals=[
            "粮食产量稳定在85万吨以上",
            "农产品质量安全监测总体合格率稳定在98%以上",
            "农村人居环境整治提升行动扎实推进，农村卫生厕所普及率进一步提高。",
        ],
        indicators=_indicators(rng, lt, an),
        style=Style(enum_functions="cn_dun", enum_tasks="dot", enum_long_term="dot", enum_annual="dun",
                    semicolons_annual=True, long_term_label="长期目标：\n（截止{deadline}年）",
                    annual_goal_label="年度目标", footer="dash", continuation="blank", split_rows=True,
                    annual_header="two", year_label="{y}年", ind_year_label="{y} 年"),
    )


def shiyan():
    """十堰市文化和旅游局 2026, 2021 framework, printed by Chromium."""
    rng = random.Random(20260315)
    specific = [
        ("公共文化服务", [("公共图书馆、文化馆（站）免费开放率", exact("100%")), ("送戏下乡场次", count("场", 300, 420)),
                    ("全民阅读推广活动场次", count("场", 80, 150)), ("数字文化资源总量", count("TB", 40, 60, "≥", True))]),
        ("文物保护利用", [("全国重点文物保护单位安全巡查覆盖率", exact("100%")), ("文物安全事故发生数", exact("0 起")),
                    ("武当山古建筑群保护修缮项目推进", words("按计划推进", ["按计划推进"]))]),
        ("旅游市场监管", [("旅游投诉处理及时率", exact("100%")), ("A级旅游景区安全检查覆盖率", exact("100%")),
                    ("旅游投诉办结时限", days(5))]),
        ("文旅产业发展", [("接待游客总人次", count("万人次", 9000, 11000)), ("旅游综合收入", count("亿元", 800, 950)),
                    ("新增国家A级旅游景区数量", count("家", 2, 5, "≥", True))]),
    ]
    social = [
        ("经济效益", [("文化和旅游产业增加值增长率", pct_ge(8, 12))]),
        ("社会效益", [("群众文化活动参与人次", count("万人次", 300, 420)), ("非遗项目传承人培训人数", count("人", 150, 260))]),
        ("生态效益", [("景区生态环境保护", words("有效保护", ["有效保护"]))]),
    ]
    lt = _rows_2021(rng, specific, social, 0.6)
    an = _rows_2021(rng, specific, social, 0.8)
    return Doc(
        stem="shiyan-culture-tourism-bureau-2026", title="2026 年部门整体绩效目标批复", year=2026,
        department="十堰市文化和旅游局", history_years=[2024, 2025], unit="万元", long_term_deadline=2027,
        funding=_funding(rng, 6235.18, False),
        functions=[
            "贯彻落实党的文化工作方针政策，研究拟订全市文化和旅游政策措施，起草文化和旅游地方性法规、规章草案。",
            "统筹规划全市文化事业、文化产业和旅游业发展，拟订发展规划并组织实施，推进文化和旅游融合发展。",
            "管理全市性重大文化活动，指导重点文化设施建设，组织全市性文化和旅游整体形象推广。",
            "负责公共文化事业发展，推进公共文化服务体系建设和旅游公共服务建设，推进文化和旅游领域公共服务均等化。",
            "负责非物质文化遗产保护，推动非物质文化遗产的保护、传承、普及、弘扬和振兴。",
            "负责文物保护利用工作，指导全市文物、博物馆事业发展。",
            "指导、管理全市文艺事业，指导艺术创作生产，扶持体现社会主义核心价值观、具有导向性代表性示范性的文艺作品。",
            "完成市委、市政府交办的其他任务。",
        ],
        annual_tasks=[
            "办好“武当国际旅游节”等重大节会活动，全年接待游客突破1亿人次。",
            "实施文化惠民工程，完成送戏下乡300场以上，建成城市书房10个。",
            "加强文物和非遗保护利用，推进武当山古建筑群、郧县人遗址保护展示工程。",
        ],
        long_term_goals=[
            "建成世界知名文化旅游目的地，旅游综合收入年均增长10%以上。",
            "现代公共文化服务体系更加健全，城乡公共文化服务均等化水平显著提高。",
            "文物和非物质文化遗产系统性保护利用水平明显提升。",
        ],
        annual_goals=[
            "全市接待游客总人次和旅游综合收入分别增长8%以上",
            "公共文化设施免费开放率保持100%，群众文化活动参与人次持续增长",
            "全年不发生重大文物安全事故和旅游安全责任事故。",
        ],
        indicators=_indicators(rng, lt, an),
        style=Style(enum_functions="paren_tight", enum_tasks="dun", enum_long_term="dun", enum_annual="dun",
                    long_term_label="长期目标：(截止{deadline}年)", annual_goal_label="年度目标:",
                    footer="of", annual_header="three"),
    )


OLD_XIANGYANG = {
    "数量指标": [("学前教育毛入园率", pct_ge(92, 95)), ("义务教育巩固率", pct_ge(97, 99)),
             ("高中阶段毛入学率", pct_ge(94, 97)), ("新建改扩建公办幼儿园数量", count("所", 8, 15)),
             ("资助家庭经济困难学生人数", count("人次", 30000, 42000)), ("中小学教师培训人次", count("人次", 12000, 16000)),
             ("校园安全隐患排查次数", count("次", 4, 8, "≥", True))],
    "质量指标": [("义务教育学校标准化建设达标率", pct_ge(95, 100)), ("学生体质健康测试合格率", pct_ge(90, 94)),
             ("普通高中教育教学质量", words("稳步提升", ["稳步提升", "提升"])), ("学生资助资金发放准确率", exact("100%"))],
    "时效指标": [("学生资助资金发放时限", days(30, "日内")), ("教育系统网上政务服务事项办理时限", days(3)),
             ("项目完工及时率", pct_ge(90, 100))],
    "成本指标": [("生均公用经费拨付标准", words("按标准足额拨付", ["足额拨付"])),
             ("校舍维修改造成本控制率", pct_le(100))],
    "经济效益指标": [("职业院校毕业生就业率", pct_ge(92, 96))],
    "社会效益指标": [("适龄儿童入学率", exact("100%")), ("进城务工人员随迁子女在公办学校就读比例", pct_ge(90, 95)),
               ("家庭经济困难学生应助尽助", words("应助尽助", ["应助尽助"])), ("“双减”工作落实情况", words("有效落实", ["有效落实"]))],
    "生态效益指标": [("绿色学校创建比例", pct_ge(60, 75))],
    "可持续影响指标": [("教育信息化应用水平", words("持续提升", ["提升", "持续提升"])),
                ("教师队伍建设长效机制", words("健全", ["健全"]))],
    "服务对象满意度指标": [("学生家长满意度", pct_ge(90, 95)), ("教职工满意度", pct_ge(90, 95)), ("社会公众满意度", pct_ge(88, 95))],
}


def xiangyang():
    """襄阳市教育局 2026, 产出/效益/满意度 framework (printed with GBK-EUC-H)."""
    rng = random.Random(20260520)
    lt = _rows_old(rng, OLD_XIANGYANG, 0.8)
    an = _rows_old(rng, OLD_XIANGYANG, 1.0)
    return Doc(
        stem="xiangyang-education-bureau-2026", title="2026 年部门整体绩效目标批复", year=2026,
        department="襄阳市教育局", history_years=[2024, 2025], unit=None, long_term_deadline=2027,
        funding=_funding(rng, 24518.62, True),
        functions=[
            "贯彻执行国家、省教育工作方针政策和法律法规，拟订全市教育改革与发展规划、政策并组织实施。",
            "负责各级各类教育的统筹规划和协调管理，会同有关部门制订各级各类学校设置标准，指导各级各类学校的教育教学改革。",
            "负责全市义务教育均衡发展和促进教育公平，负责推进义务教育均衡发展工作。",
            "指导全市中小学校思想品德教育、体育卫生与艺术教育、国防教育工作。",
            "负责全市教师工作，指导教师队伍建设，组织实施教师资格制度。",
            "负责本部门教育经费的统筹管理，参与拟订教育经费筹措、教育拨款、教育基建投资的政策，负责全市学生资助工作。",
            "负责全市教育督导工作，组织开展各级各类教育督导评估。",
            "完成市委、市政府交办的其他任务。",
        ],
        annual_tasks=[
            "扩大普惠性学前教育资源，新建改扩建公办幼儿园10所以上，学前教育毛入园率达到93%以上",
            "推进义务教育优质均衡发展，实施县域义务教育优质均衡创建工程",
            "落实学生资助政策，确保家庭经济困难学生应助尽助。",
            "加强校园安全管理，全年不发生重大校园安全责任事故。",
        ],
        long_term_goals=[
            "基本形成覆盖城乡、布局合理的学前教育公共服务体系，学前教育毛入园率稳定在92%以上。",
            "义务教育优质均衡发展水平明显提升，义务教育巩固率保持在98%以上。",
            "现代职业教育体系基本建成，职业院校毕业生就业率保持在95%左右。",
        ],
        annual_goals=[
            "学前教育毛入园率达到93%",
            "义务教育巩固率达到98%以上",
            "高中阶段毛入学率达到96%以上，学生资助政策落实率100%。",
        ],
        indicators=_indicators(rng, lt, an),
        style=Style(enum_functions="paren", enum_tasks="dun", enum_long_term="dun", enum_annual="dun",
                    semicolons_tasks=True, semicolons_annual=True, paragraphs_annual=False, footer="dash", repeat_header=True,
                    continuation="repeat", annual_header="three"),
    )


def documents():
    """(stem, doc, producer) of the invented documents."""
    out = []
    jz = jingzhou()
    out.append((jz.stem + ".reportlab-cid", jz, "reportlab-cid"))
    xn = xianning()
    out.append((xn.stem + ".reportlab-ttf", xn, "reportlab-ttf"))
    sy = shiyan()
    out.append((sy.stem + ".chromium", sy, "chromium"))
    xy = xiangyang()
    out.append((xy.stem + ".gbk", xy, "gbk"))
    out.append((xy.stem + ".overlay", dataclasses.replace(xy, style=dataclasses.replace(
        xy.style, footer="of", continuation="blank")), "overlay"))
    return out
