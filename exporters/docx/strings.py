"""Chinese text of the Word export: warnings returned to the caller, and the few
words the document itself prints besides the official labels."""

BLANK_IN_SECTION = "第{section}部分 {count} 个"
BLANK_MORE = " 等"
CELL_NAME = "第{section}部分 {row}「{col}」"
NO_AGENCY = "未填写机关名称：标题和落款中没有机关名称"
NO_DATE = "未填写成文日期：落款日期留空（「　　年　月　日」），请打印后手写或补填后重新导出"
EMPTY_SECTION = "「{heading}」没有内容：文件中只有标题"
HAS_ERRORS = "报告仍有 {count} 个错误，导出的文件仅供核对，请改正后再报送"
DATE_PLACEHOLDER = "　　年　月　日"
CONTINUED = "{label}（续）"
BLANK_LEFT = (
    "有 {count} 个未填写的数字（{per_section}），在文件中留空，如：{cells}{more}。"
    "确实没有的，请填 0（可用“补零后导出”）"
)
