"""Chinese messages of the importers, in one place."""

CANNOT_OPEN = "无法打开文件「{name}」：{reason}"
TOO_LARGE = "文件「{name}」超过 {mb} MB，不像是一份年度报告，已拒绝导入"
ZIP_BOMB = "文件「{name}」的压缩内容异常（条目过多或解压后过大），可能是恶意文件，已拒绝导入"
XML_ENTITIES = "文件「{name}」含有不安全的 XML 实体声明，已拒绝导入"
NOT_OFFICE_FILE = "文件「{name}」不是有效的 Office 文档（.xlsx / .docx），无法导入"
BROKEN_FILE = "文件「{name}」已损坏，无法读取"
ENCRYPTED = "文件「{name}」设置了密码或已加密，请在 Word、WPS 或 Excel 中取消密码后另存，再导入"
PART_TOO_LARGE = (
    "文件「{name}」中的「{part}」解压后超过 {mb} MB，远大于任何年度报告，可能是恶意文件，已拒绝导入"
)
XML_TOO_LARGE = (
    "文件「{name}」的文字内容解压后超过 {mb} MB，远大于任何年度报告，可能是恶意文件，已拒绝导入"
)
SHEET_TOO_LARGE = (
    "工作簿「{name}」的工作表「{sheet}」有超过 {rows} 行或 {cols} 列的内容，"
    "不像是本程序导出的年度报告，已拒绝导入"
)
OUT_OF_LIMITS = "文件「{name}」中有超出限制的内容，已拒绝导入：{reason}"
UNEXPECTED = "文件「{name}」无法读取，可能已损坏或不是本程序能识别的格式（详情已记录在日志中）"

# ---- Word (.docx) report import ------------------------------------------------------
DOCX_NOT_DOCX = "文件「{name}」不是 Word 文档（.docx），无法按年度报告导入；旧版 .doc 文件请先在 Word 或 WPS 中另存为 .docx"
DOCX_BROKEN = "文件「{name}」不是有效的 Word 文档，或已损坏，无法读取"
DOCX_NOT_A_REPORT = (
    "文件「{name}」中既没有找到年度报告的表格，也没有找到各部分标题，不像是政府信息公开工作年度报告"
)
DOCX_NO_YEAR = "未能从标题、落款日期或正文中确定报告年度，暂按 {year} 年导入，请在基本信息中核对"
DOCX_YEAR_FROM_DATE = "标题中没有年份，按落款日期 {date} 推定报告年度为 {year} 年"
DOCX_YEAR_FROM_TEXT = "标题中没有年份，按正文开头推定报告年度为 {year} 年"
DOCX_NO_TITLE = "没有找到报告标题（「……{suffix}」）"
DOCX_AGENCY_FROM_SIGNATURE = "机关名称取自落款「{signature}」（标题中写作「{title}」）"
DOCX_AGENCY_FROM_TITLE = "落款中没有找到机关名称，机关名称取自标题「{agency}」"
DOCX_NO_AGENCY = "标题和落款中都没有找到机关名称，请在基本信息中填写"
DOCX_NO_DATE = "落款中没有找到成文日期（如「2021年1月8日」），请在基本信息中填写"
DOCX_BAD_DATE = "落款日期「{text}」不是有效日期，未导入"
DOCX_KIND_GOVERNMENT = (
    "机关名称「{agency}」是一级人民政府，按本级政府年度报告导入（公布期限为次年3月31日）"
)
DOCX_KIND_DEPARTMENT = (
    "按部门年度报告导入（公布期限为次年1月31日）；如为本级人民政府的年度报告，请在基本信息中修改"
)
DOCX_FORMAT_BY_LABELS = "按表格标签识别为{name}（{issued_by}）"
DOCX_FORMAT_BY_YEAR = "表格标签不足以识别报告格式，按报告年度 {year} 年采用{name}"
DOCX_FORMAT_YEAR_MISMATCH = (
    "文档使用的是{name}，而 {year} 年度报告应使用{expected}；已按文档实际格式导入，校验时会提示"
)
DOCX_HEADING_NUMBER = "第{section}部分的标题写作「{text}」，按「{heading}」读取"
DOCX_HEADING_FUZZY = "标题「{text}」与官方标题「{heading}」略有出入，按第{section}部分读取"
DOCX_SECTION_MISSING = "没有找到「{heading}」部分"
DOCX_PREAMBLE = "标题与「{heading}」之间的导语（{chars} 字）已并入第一部分，请核对"
DOCX_TABLE_UNKNOWN = "文档中第 {index} 个表格不是年度报告的官方表格，已跳过（首格为「{first}」）"
DOCX_TABLE_MISSING = "没有找到「{heading}」的表格，该部分数据均未导入"
DOCX_CELLS_MISSING = "「{heading}」中有 {count} 个单元格在文档中没有找到，按未填写导入：{cells}"
DOCX_BLANK_CELLS = "「{heading}」中有 {count} 个单元格为空白，按未填写导入（如实际为 0，请补填 0）"
DOCX_MARK_CELLS = "「{heading}」中有 {count} 个单元格填写的是「-」「/」「无」等符号，按未填写导入（如实际为 0，请补填 0）"
DOCX_LABEL_FUZZY = "表格中的「{text}」与官方标签「{label}」不一致（疑为笔误），按「{label}」读取"
DOCX_EXTRA_ROW = "「{heading}」中的「{label}」不是官方表格中的行，已跳过（其中的数字：{values}）"
DOCX_DUPLICATE_ROW = "「{heading}」中「{label}」出现了不止一次，采用第一次出现的数值"
DOCX_BAD_VALUE = "{cell}：「{text}」无法读取（{reason}），按未填写导入"
DOCX_SUFFIX_STRIPPED = "{cell}：「{text}」按 {value} 读取（去掉了单位「{suffix}」）"
DOCX_MONEY_UNIT = "{cell}：「{text}」按 {value}{unit} 读取"
DOCX_MONEY_NO_UNIT = "{cell}：「{text}」未注明金额单位，按「{unit}」读取"
DOCX_MONEY_CONVERTED = "{cell}：「{text}」已换算为 {value}{unit}"
DOCX_TOTAL_DIFFERS = "{cell}：文档中印的是 {printed}，按各项相加应为 {computed}；导入时保留了各项数值，合计由程序计算，校验时会提示"
DOCX_TOTAL_BUT_BLANK = "{cell}：文档中印的是 {printed}，但各项均未填写；各项按未填写导入"
DOCX_TOTALS_BLANK = "「{heading}」中有 {count} 个合计单元格为空白；合计由程序自动计算"
DOCX_TEXT_FROM_TABLE_SECTION = "「{heading}」部分表格之外的文字未导入：「{text}」"
DOCX_TABLE_CONTINUED = "文档中第 {index} 个表格没有表头，按「{heading}」上一个表格的续表读取"
