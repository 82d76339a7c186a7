//! Page furniture of web pages: the lines around an article that are no
//! part of it (the date and source line, print and close links, the
//! footer's copyright and registration lines, a download link). Asked of
//! an HTML page's prose, and of a text dump copied from a browser.

/// A prose line that is page furniture: the date/source/hits line, font
/// size switches, print/close links, the "you are here" line, the
/// footer's copyright and registration lines, a download link.
pub fn is_furniture_line(line: &str) -> bool {
    const STARTS: &[&str] = &[
        "发布时间",
        "发布日期",
        "发文日期",
        "来源：",
        "来源:",
        "信息来源",
        "浏览次数",
        "点击数",
        "访问量",
        "【字体",
        "字体：",
        "字号：",
        "当前位置",
        "您当前的位置",
        "您的位置",
        "您现在的位置",
        "分享到",
        "打印本页",
        "【打印",
        "关闭窗口",
        "【关闭",
        "上一篇",
        "下一篇",
        "相关文章",
        "相关链接",
        "相关阅读",
        "相关新闻",
        "相关信息",
        "推荐阅读",
        "主办单位：",
        "主办：",
        "承办单位：",
        "技术支持：",
    ];
    // A site's footer: its registration numbers and copyright line.
    const HOLDS: &[&str] = &["版权所有", "ICP备", "ICP证", "公网安备", "网站标识码"];
    line.chars().count() <= 200
        && (STARTS.iter().any(|s| line.starts_with(s))
            || HOLDS.iter().any(|s| line.contains(s))
            || names_a_file(line))
}

/// Whether a line ends with a document's file name (`附件：….xlsx`): the
/// link to the form's download, not a line of it.
fn names_a_file(line: &str) -> bool {
    const EXTENSIONS: &[&str] = &[
        "xlsx", "xls", "docx", "doc", "pdf", "wps", "et", "ofd", "zip", "rar",
    ];
    let Some((name, ext)) = line.trim_end().rsplit_once('.') else {
        return false;
    };
    !name.is_empty() && EXTENSIONS.iter().any(|e| ext.eq_ignore_ascii_case(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn footer_and_download_lines_are_furniture() {
        for line in [
            "版权所有：某县人民政府 某ICP备00000000号",
            "网站标识码：0000000001",
            "附件：某局2026年部门整体支出绩效目标表.xlsx",
            "下载：表.PDF",
        ] {
            assert!(is_furniture_line(line), "{line}");
        }
        for line in [
            "年度绩效目标：完成各项工作。",
            "附件",
            ".pdf",
            "按照《某某办法》执行，详见第3.5条",
        ] {
            assert!(!is_furniture_line(line), "{line}");
        }
    }
}
