"""Chinese texts of the Excel workbook, shared by its exporter and its importer.

The importer recognises the workbook's own labels (meta rows, the check row) by
these texts, so both sides must read them from here. Official table labels are
not here: they live in the format specs.
"""

# ---- the hidden marker ---------------------------------------------------------------
MARKER_NAME = "NIANBAO_FORMAT"  # workbook-level defined name holding the format id
MARKER_APP = "nianbao"  # the custom document property name; its value is the format id
# The 同比表 (exporters/compare_xlsx.py) says what it is, so opening it names it
COMPARE_MARKER = "nianbao_compare"  # custom document property of a 同比表
COMPARE_TITLE_WORD = "同比表"  # in its title (document property and the 说明 sheet's A1)
COMPARE_SUMMARY_SHEET = "说明"  # its first sheet

# ---- sheet names ---------------------------------------------------------------------
META_SHEET = "基本信息"
ISSUES_SHEET = "校验"

# ---- 基本信息 -------------------------------------------------------------------------
META_TITLE = "{agency}{year}年政府信息公开工作年度报告"
META_HEAD_ITEM = "项目"
META_HEAD_VALUE = "内容"
META_AGENCY = "机关名称"
META_YEAR = "报告年度"
META_FORMAT = "报告格式"
META_KIND = "报告类型"
META_DATE = "成文日期"
META_UNIT = "{col}（{row}）的单位"
META_EXTRAS = "附加信息（程序使用，请勿修改）"
META_PREVIOUS = "上年报告数据（程序使用，请勿修改）"
META_PRINTED = "导入文档中印出的合计（程序使用，请勿修改）"
META_YEAR_PENDING = "推定的报告年度，待确认（程序使用，请勿修改）"
META_SUMMARY = "汇总报告的来源（程序使用，请勿修改）"
META_CONTINUED = "{heading}（续）"
FORMAT_TEXT = "{name}（{issued_by}）"
DATE_NUMBER_FORMAT = 'yyyy"年"m"月"d"日"'
META_NOTE = (
    "说明：本工作簿由年报填报助手导出。白色单元格可以填写，灰色单元格为自动计算或固定内容；"
    "修改后可用“导入”功能读回程序。"
)

# ---- table sheets --------------------------------------------------------------------
CHECK_LABEL = "勾稽关系校验（{left}减{right}，一致时显示“一致”）"
CHECK_OK = "一致"
UNIT_NOTE = "注：{what}的单位为"
UNIT_NOTE_TAIL = "（可在“基本信息”表中修改）。"

# ---- data validation -----------------------------------------------------------------
DV_TITLE = "输入有误"
DV_COUNT = "请填写大于或等于 0 的整数（件数）。"
DV_SIGNED = "请填写整数；减少时填写负数，如 -8。"
DV_MONEY = "请填写大于或等于 0 的金额，最多 {decimals} 位小数。"
DV_UNIT = "请从下拉列表中选择单位：{units}。"
DV_KIND = "请从下拉列表中选择：{kinds}。"
DV_YEAR = "请填写四位数的年份，如 2023。"
DV_DATE = "请填写日期，如 2024-01-15。"

# ---- 校验 ------------------------------------------------------------------------------
ISSUES_TITLE = "导出时的校验结果"
ISSUES_HEAD = ("级别", "规则", "位置", "项目", "说明")
ISSUES_NONE = "未发现问题。"
ISSUES_NOT_RUN = "导出时未进行校验。"
ISSUES_SUMMARY = (
    "共 {errors} 个错误、{warnings} 个警告、{infos} 条提示（导出后修改工作簿不会更新本表）。"
)
WHERE_CELL = "「{sheet}」{address}"
WHAT_CELL = "{row} · {col}"
WHERE_FIELD = "「{sheet}」{label}"

# ---- export warnings -----------------------------------------------------------------
WARN_BLANKS = "有 {n} 个单元格尚未填写，在工作簿中留空（标为黄色）。"
WARN_TEXT_CLEANED = "「{where}」中含有 Excel 无法保存的控制字符，已删除。"

# ---- import notes and refusals -------------------------------------------------------
NOT_XLSX = "文件「{name}」不是 Excel 工作簿（.xlsx），无法导入"
NOT_OURS = (
    "工作簿「{name}」不是本程序导出的年度报告工作簿（缺少年报标记和“基本信息”表），无法导入。"
    "请先用本程序导出 Excel 工作簿，在其中填写后再导入"
)
COMPARE_NOT_A_REPORT = (
    "工作簿「{name}」是“与上年对比”导出的同比表，不是年度报告，不能打开或导入。"
    "同比表只供查看和打印；请打开报告草稿（.nianbao）或本程序导出的报告工作簿"
)
UNKNOWN_FORMAT_MARK = (
    "工作簿「{name}」标明的报告格式「{format}」本程序不认识，可能来自更新版本的程序，无法导入"
)
BROKEN = "工作簿「{name}」已损坏或不是有效的 Excel 文件，无法读取"
ENTITIES = "工作簿「{name}」含有不安全的 XML 实体声明，已拒绝导入"
NOTHING_READ = "工作簿「{name}」中没有找到任何年度报告表格，无法导入"

NOTE_MARKER_MISSING = "工作簿中缺少程序标记，已根据“基本信息”表中的报告格式识别为{format}。"
NOTE_SHEET_MISSING = "未找到工作表「{sheet}」，其中的数据未导入。"
NOTE_COPY_SAME = (
    "工作表「{copy}」也是“{sheet}”的表格（可能是复制的），数字与“{sheet}”相同，未重复读取。"
)
NOTE_COPY_DIFFERS = (
    "工作表「{copy}」也是“{sheet}”的表格（可能是复制的），未读取；其中 {n} 个数字与“{sheet}”"
    "不同：{cells}。请核对哪一张是要报送的，删去另一张后重新导入。"
)
NOTE_COPY_CELL = "“{row} · {col}”在这张表中为 {copy}，已读取的为 {read}"
NOTE_COPY_BLANK = "空白"
NOTE_COPY_MORE = "等"
NOTE_SHEET_ELSEWHERE = "未找到工作表「{sheet}」，已改从工作表「{found}」读取。"
NOTE_ROW_MISSING = "「{sheet}」中未找到“{row}”这一行，该行数据未导入（保持空白）。"
NOTE_CELL_MISSING = "「{sheet}」中未找到“{row} · {col}”单元格，该数据未导入（保持空白）。"
NOTE_DUPLICATE = (
    "「{sheet}」中“{row} · {col}”出现了不止一次（{first} 和 {second}），已采用 {first}。"
)
NOTE_UNKNOWN_UNIT = "单元格格式把它显示为以「{unit}」为单位，本格的单位是{cell_unit}，程序不作换算"
NOTE_MONEY_CONVERTED = (
    "「{sheet}」{address}（{row} · {col}）写的是「{text}」，已换算为 {value}{unit}。"
)
NOTE_BAD_VALUE = "「{sheet}」{address}（{row} · {col}）的内容无法导入：{reason}。该单元格保持空白。"
NOTE_EXTRA_ROW = "「{sheet}」第 {row} 行「{label}」不是官方表格中的行，其中的数字未导入。"
NOTE_BLANKS = "共有 {n} 个单元格为空，请在程序中补填（没有的填 0）。"
NOTE_META_MISSING = "“基本信息”表中未找到“{label}”，该项保持空白。"
NOTE_FALLBACK_YEAR = "暂按 {value} 年导入，年度待确认，请在基本信息中核对"
NOTE_META_BAD = "“基本信息”表中“{label}”的内容「{text}」无法识别，该项{fallback}。"
NOTE_FALLBACK_BLANK = "保持空白"
NOTE_FALLBACK_DEFAULT = "已按“{value}”处理"
NOTE_YEAR_FORMAT = (
    "报告年度 {year} 年应使用{expected}，而工作簿是按{actual}填写的；请在程序中核对报告格式。"
)
NOTE_EXTRAS_BAD = "“基本信息”表中的附加信息无法读取，已忽略。"
NOTE_FORMULA_NO_RESULT = (
    "「{sheet}」{address}（{row} · {col}）是公式「{formula}」，但文件中没有保存它的计算结果，"
    "按未填写导入；请先在 Excel 或 WPS 中打开该文件并保存，再重新导入"
)
NOTE_PRINTED_BAD = (
    "“基本信息”表中记录的“导入文档中印出的合计”无法读取（{reason}）；"
    "原文档中与各项之和不符的合计不再提示，请对照原文档核对合计"
)
PREVIOUS_DAMAGED = "内容不完整或被改动过"
NOTE_SUMMARY_BAD = (
    "“基本信息”表中记录的汇总来源无法读取；本工作簿仍按汇总报告处理（再次汇总时不会计入）"
)
NOTE_PREVIOUS_BAD = (
    "“基本信息”表中的上年报告数据无法读取，已忽略：与上年的核对（结转、增减）暂时不能进行，"
    "可用“文件 → 载入上年报告…”重新载入。（{reason}）"
)
NOTE_TOTAL_KEPT = (
    "「{sheet}」{address}（{row} · {col}）在工作簿中为 {shown}，按各项相加应为 {total}；"
    "已保留工作簿中的数字，校验时作为错误提示，直到核对改正各项或采用计算结果"
)
NOTE_TOTAL_DIFFERS = (
    "「{sheet}」{address}（{row} · {col}）在工作簿中为 {shown}，按各项相加应为 {total}；"
    "合计由程序自动计算，已按 {total} 处理。"
)

# ---- the roll-up workbook (exporters/summary_xlsx.py) ----
STATUS_SHEET = "报送情况"
STATUS_HEADERS = (
    "序号",
    "机关名称",
    "报告类型",
    "错误",
    "警告",
    "空白单元格",
    "成文日期",
    "是否逾期",
    "文件",
    "说明",
)
STATUS_TITLE = "{year}年度政府信息公开工作年度报告报送情况：{line}"
STATUS_TITLE_NO_YEAR = "政府信息公开工作年度报告报送情况：{line}"
TABLE_TITLE = "{year}年度 {heading}（{n} 份报告汇总）"
NO_COLUMN = "序号"
AGENCY_COLUMN = "机关名称"
TOTAL_LABEL = "合计"
