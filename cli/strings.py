"""Chinese text of the command line, in one place."""

USAGE = "%(prog)s [FILE] [--screenshot OUT.png]\n       %(prog)s 命令 [参数 ...]"
DESCRIPTION = (
    "年报填报助手：政府信息公开工作年度报告的填报、校验与导出。\n"
    "不带命令运行时打开程序窗口（可指定要打开的草稿 FILE；--screenshot OUT.png\n"
    "在后台渲染主窗口并保存为图片后退出）。"
)
EPILOG = (
    "退出码：0 成功；1 报告有错误（validate）或 --strict 拒绝导出；"
    "2 无法读取输入文件或命令行有误；3 无法写入输出文件。"
)
HELP_FILE = "要打开的草稿文件（.nianbao）"
HELP_SCREENSHOT = "在后台渲染主窗口，保存为 PNG 图片后退出（用于说明文档和测试）"
COMMANDS_TITLE = "命令"
USAGE_ERROR = "{prog}：错误：{message}\n"
GUI_NOT_AVAILABLE = "无法启动程序窗口：{reason}"

# argparse's own strings (looked up through gettext).
ARGPARSE = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "optional arguments": "选项",
    "show this help message and exit": "显示此帮助信息并退出",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选择：%(value)r（可选：%(choices)s）",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "expected one argument": "需要一个参数值",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "ambiguous option: %(option)s could match %(matches)s": "有歧义的选项：%(option)s 可匹配 %(matches)s",
    "expected at least one argument": "至少需要一个参数值",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
}

# ---- aggregate (汇总) -------------------------------------------------------------------
AGG_HELP = "汇总多个机关的报告（同一年度、同一格式），生成汇总草稿和汇总表"
AGG_DESCRIPTION = (
    "把多个机关的年度报告逐项相加，生成一份汇总报告草稿，并可导出汇总表（Excel）。\n"
    "只相加填报的单元格，合计由汇总报告重新计算；金额先换算为格式规定的单位再相加；\n"
    "空白单元格按 0 相加，并在报送情况中计为“空白单元格”。\n"
    "年度或格式与多数报告不同的报告不纳入汇总（可用 --year 指定年度），无法读取的文件\n"
    "列出原因，不影响其他报告的汇总。\n"
    "汇总报告（以前汇总的结果，包括本程序导出的 Word、Excel、网页、PDF）和汇总表从不计入；与本次汇总\n"
    "同名的报告视为以前的汇总结果，不计入。有部门报告时，本级政府的报告不计入（它多半是以前的\n"
    "汇总结果），需要计入时加 --include-government。同一机关同一年度有多份报告（不论文件类型）时只计入一份：草稿优先于 Excel，\n"
    "Excel 优先于 Word（.docx 优先于 .doc），Word 优先于网页，网页优先于 PDF，同类文件取最后修改的一份；其余列出。文件夹中的每个文件都列出\n"
    "是否计入及原因（其他类型的文件、临时文件、备份、链接循环等）。"
)
AGG_EPILOG = (
    "示例：main.py aggregate 各部门报告/ -o 汇总.nianbao --xlsx 汇总表.xlsx --agency 某某市人民政府\n"
    "退出码：0 至少汇总了一份报告；2 没有可汇总的报告、某个单元格的合计超出上限（不保存任何文件）"
    "或命令行有误；3 无法写入输出文件。"
)
AGG_HELP_INPUTS = "报告所在的文件夹（含子文件夹）或报告文件（.nianbao 草稿，或 .xlsx/.xlsm/.docx/.doc/.html/.htm/.pdf）"
AGG_HELP_OUTPUT = "汇总报告草稿的保存位置（.nianbao）"
AGG_HELP_XLSX = "同时导出汇总表（每个表格一张工作表，每个机关一行，另有“报送情况”表）"
AGG_HELP_YEAR = "只汇总该年度的报告（默认：多数报告所属的年度和格式）"
AGG_HELP_AGENCY = "汇总报告的机关名称（默认：汇总）"
AGG_HELP_GOVERNMENT = "本级政府的报告（如乡镇、街道的报告）也与部门报告一起计入"
AGG_GOVERNMENT = "{n} 份本级政府的报告未与部门报告一起计入（需要计入时加 --include-government）。"
AGG_OUTPUT_IS_A_REPORT = "「{path}」是一份报告，不能用汇总结果覆盖它；请换一个输出文件名"
AGG_NO_FILES = "没有找到报告文件（.nianbao、.xlsx、.xlsm、.docx、.doc、.html、.htm 或 .pdf）。"
AGG_SCOPE = "汇总范围：{year}年度，{format}。"
AGG_NONE = "没有可汇总的报告。"
AGG_HEAD_REFUSED = "未纳入汇总的文件："
AGG_LINE_REFUSED = "  {file}：{note}"
AGG_FLAGS = "已汇总的报告中：{errors} 份有错误，{blanks} 份有空白单元格，{late} 份逾期，{unknown} 份未填成文日期。"
AGG_SAVED_DRAFT = "汇总草稿已保存：{path}"
AGG_SAVED_XLSX = "汇总表已保存：{path}"
AGG_FAILED = "汇总已完成，但未能保存：{reason}"

# ---- validate (校验) --------------------------------------------------------------------
VALIDATE_HELP = "校验一份报告，或检查一个文件夹中的全部报告"
VALIDATE_DESCRIPTION = (
    "按年度报告格式的规则校验一份报告草稿（.nianbao），先列错误，再列警告和提示。\n"
    "给出上一年度的报告（--previous）时，还核对“上年结转”与上年“结转下年度继续办理”、\n"
    "现行有效件数的衔接，以及正文是否与上年雷同。\n"
    "也可以直接校验公开发布的报告（Word、网页、PDF、Excel），先按导入读取再校验。\n"
    "给出一个文件夹时，检查其中（含子文件夹）每一份报告，每份一行列出机关、年度、格式、\n"
    "错误、警告、空白单元格、是否按期公开（成文日期与公开期限相比）；--xlsx 另存为工作簿，\n"
    "含“检查结果”和“问题清单”（每个问题及其单元格）两张表。"
)
VALIDATE_EPILOG = (
    "示例：main.py validate 2023年报.nianbao --previous 2022年报.nianbao\n"
    "      main.py validate 2023年报.nianbao --accept-totals\n"
    "      main.py validate 各单位年报 --xlsx 检查结果.xlsx\n"
    "退出码：0 没有错误（可能有警告或提示）；1 有错误；2 无法读取文件或命令行有误；\n"
    "3 使用 --accept-totals 时无法保存草稿。"
)
VALIDATE_HELP_FILE = "要校验的报告：草稿（.nianbao）或可导入的报告文件（.xlsx/.xlsm/.docx/.doc/.html/.htm/.pdf）；给出文件夹时检查其中的全部报告"
VALIDATE_HELP_JSON = (
    "以 JSON 输出问题列表（每项含 severity、rule、cell、message），便于其他程序处理"
)
VALIDATE_HELP_PREVIOUS = "上一年度的报告草稿（.nianbao），用于核对上年结转和内容雷同"
VALIDATE_HEADER = "{agency}{year}年政府信息公开工作年度报告（格式：{format}）"
VALIDATE_LINE = "{severity} {rule} {message}"
VALIDATE_SUMMARY = "共 {errors} 个错误，{warnings} 个警告，{infos} 个提示"
VALIDATE_CLEAN = "未发现问题。"
VALIDATE_NO_AGENCY = "（未填写机关名称）"
VALIDATE_UNREADABLE = "无法校验：{reason}"
VALIDATE_PREVIOUS_UNREADABLE = "无法读取上一年度的报告：{reason}"
VALIDATE_HELP_ACCEPT_TOTALS = (
    "采用程序按各项计算的合计：不再保留导入文档中印出的、与各项之和不符的合计（R16），"
    "并把草稿保存回原文件（原文件保留为 .bak 备份）"
)
ACCEPTED_TOTALS = "已采用 {n} 个合计的计算结果，不再保留文档中印出的数字：{changes}。"
ACCEPTED_TOTAL = "“{row}”行“{col}”列印为 {printed}，改为 {computed}"
BLANK_TOTAL = "空白"
ACCEPT_TOTALS_NONE = "草稿中没有印出的合计需要采用计算结果。"
VALIDATE_SAVE_FAILED = "{reason}"  # the draft loader's sentence: 「无法保存草稿「…」：…」

# ---- new (新建) / sample (示例) -------------------------------------------------------
NEW_HELP = "新建一份空白的年度报告草稿（可从上一年度的草稿接续）"
NEW_DESCRIPTION = (
    "按报告年度应使用的报告格式新建一份空白草稿（.nianbao）：2019、2020 年度使用\n"
    "2019 年试行格式，2021 年度起使用 2021 年修订格式。\n"
    "用 --from 给出上一年度的草稿时，沿用其机关名称和报告类型，把上年“结转下年度继续办理”\n"
    "的件数逐列填入本年“上年结转政府信息公开申请数量”，并保存上年数据和正文供核对和参考\n"
    "（上年正文不会复制到本年正文中）。"
)
NEW_EPILOG = (
    "示例：main.py new --year 2025 --agency 某某市某某局 -o 2025年报.nianbao\n"
    "      main.py new --year 2025 --from 2024年报.nianbao -o 2025年报.nianbao\n"
    "退出码：0 成功；2 无法读取上一年度的草稿或命令行有误；3 无法写入草稿文件。"
)
NEW_HELP_YEAR = "报告年度，如 2025（统计 1 月 1 日至 12 月 31 日）"
NEW_HELP_AGENCY = "机关名称，如 某某市某某局（使用 --from 时默认沿用上年）"
NEW_HELP_KIND = (
    "报告类型：department 部门（默认），government 本级政府（使用 --from 时默认沿用上年）"
)
NEW_HELP_FROM = "上一年度的报告草稿（.nianbao），或上年公开发布的报告（.docx/.doc/.html/.htm/.pdf/.xlsx/.xlsm），从中接续上年结转件数和上年数据"
NEW_HELP_OUTPUT = "新草稿的保存位置（.nianbao）"
NEW_HELP_FORCE = "文件已存在时覆盖（原文件保留为 .bak 备份）"
NEW_NO_FORMAT = (
    "{year}年度没有适用的年度报告格式：政府信息公开工作年度报告格式自 {first} 年度起施行"
)
NEW_BAD_AGENCY = "{reason}"  # model.messages: 「机关名称中有不是文字的控制字符……」
NEW_NO_AGENCY = "请用 --agency 填写机关名称（或用 --from 从上一年度的草稿沿用）"
NEW_PREVIOUS_UNREADABLE = "无法读取上一年度的报告：{reason}"
NEW_EXISTS = "文件「{path}」已存在；如要覆盖，请加 --force"
NEW_CREATED = "已新建 {agency}{year}年政府信息公开工作年度报告草稿：{path}（{format}）"
NEW_CARRIED = "已从 {previous}年度报告接续：上年结转件数 {count} 项，上年数据 {values} 项供核对"
NEW_FAILED = "{reason}"  # 「无法保存草稿「…」：…」
FORMAT_LABEL = "《{name}》，{doc}"
SAMPLE_HELP = "保存内置示例报告（真实的 2020 年度报告），供试用"
SAMPLE_DESCRIPTION = (
    "把内置的示例报告另存为草稿（.nianbao）：舟山市定海区经济和信息化局 2020 年政府信息\n"
    "公开工作年度报告，按原文如实录入，包括原文的疏漏（多数单元格空白、缺少第六部分），\n"
    "可用来试用校验和导出。"
)
SAMPLE_EPILOG = "示例：main.py sample -o 示例.nianbao\n退出码：0 成功；3 无法写入文件（或文件已存在且未加 --force）。"
SAMPLE_HELP_OUTPUT = "示例草稿的保存位置（.nianbao）"
SAMPLE_SAVED = "示例报告已保存：{path}"
SAMPLE_FAILED = "{reason}"  # 「无法保存草稿「…」：…」

# ---- import (导入) -------------------------------------------------------------------
IMPORT_HELP = "把报告文件（.xlsx/.xlsm、.docx/.doc、.html/.htm 或 .pdf）导入为草稿"
IMPORT_DESCRIPTION = (
    "读取本程序导出后又在 Excel、WPS 中修改过的工作簿（.xlsx），或公开发布的年度报告——\n"
    "Word 文档（.docx，旧版 .doc 需安装 LibreOffice）、网页（.html/.htm）、有文字层的 PDF——\n"
    "保存为草稿（.nianbao）。工作簿按行、列标题读取数字，插入行或移动表格不影响\n"
    "导入；无法读取的内容逐条列出。不是本程序导出的工作簿、损坏或可疑的文件会被拒绝。"
)
IMPORT_EPILOG = (
    "示例：main.py import 2024年报.xlsx -o 2024年报.nianbao\n"
    "      main.py import 2024年报.docx -o 2024年报.nianbao --accept-totals\n"
    "退出码：0 成功；2 文件无法读取或被拒绝导入；3 无法写入草稿（或文件已存在且未加 --force）。"
)
IMPORT_HELP_FILE = "要导入的文件（.xlsx、.xlsm、.docx、.doc、.html、.htm 或 .pdf）"
IMPORT_HELP_OUTPUT = "草稿的保存位置（.nianbao）"
IMPORT_HELP_FORCE = "草稿文件已存在时覆盖（原文件保留为 .bak 备份）"
IMPORT_HELP_ACCEPT_TOTALS = (
    "采用程序按各项计算的合计：文档中印出的合计与各项之和不符时，不保留印出的数字（不加此项时"
    "保留，校验时作为错误 R16 提示）"
)
IMPORT_UNKNOWN_TYPE = (
    "无法导入「{name}」：只能导入 Excel 工作簿（.xlsx / .xlsm）、Word 文档（.docx，旧版 .doc）、"
    "网页（.html / .htm）和 PDF（.pdf）；年报草稿（.nianbao）不用导入，可直接打开或用于其他命令"
)
IMPORT_MISSING = "找不到文件「{path}」"
IMPORT_REFUSED = "导入失败：{reason}"
IMPORT_EXISTS = "文件「{path}」已存在；如要覆盖，请加 --force"
IMPORT_NOTE = "{level}：{note}"
IMPORT_SAVED = "已导入 {agency}{year}年度报告（{format}）：{path}"
IMPORT_NOTES_COUNT = "共 {n} 条提示，请在程序中核对。"
IMPORT_NOTES_COUNT_ATTENTION = (
    "共 {n} 条提示，其中 {attention} 条“注意”：文档中印出的内容没有照原样导入，请逐条核对。"
)
IMPORT_FAILED = "{reason}"  # 「无法保存草稿「…」：…」
IMPORT_CHECK = "校验：{errors} 个错误、{warnings} 个警告；可用 validate 命令查看详情。"

# ---- export (导出) -------------------------------------------------------------------
EXPORT_HELP = "把报告草稿导出为 Word 文档（.docx）、PDF 和/或 Excel 工作簿（.xlsx）"
EXPORT_DESCRIPTION = (
    "校验草稿，列出错误和警告，然后导出：Word 文档按公文格式排版（A4，仿宋_GB2312 正文，\n"
    "官方表格原样合并，单双页页码），可直接送审和公开；Excel 工作簿便于核对和汇总。\n"
    "报告有错误时仍然导出（并列出错误），加 --strict 则有错误时拒绝导出、不写任何文件。\n"
    "未填写的数字在文件中留空（与草稿一致），并提示未填写的个数和位置；确实没有的，\n"
    "加 --fill-zero 先在草稿中把空白单元格补 0（保存草稿）再导出。\n"
    "--pdf 由本机的 LibreOffice（Windows 上为 Word 或 WPS）把 Word 文档转换为 PDF。"
)
EXPORT_EPILOG = (
    "示例：main.py export 2024年报.nianbao --docx 2024年报.docx\n"
    "      main.py export 2024年报.nianbao --docx 2024年报.docx --xlsx 2024年报.xlsx --strict\n"
    "      main.py export 2024年报.nianbao --pdf 2024年报.pdf --fill-zero\n"
    "退出码：0 已导出；1 报告有错误且使用了 --strict（未导出）；2 无法读取草稿或命令行有误；\n"
    "3 无法写入输出文件。"
)
EXPORT_HELP_FILE = "要导出的报告：草稿（.nianbao），或其他可导入的报告文件（先按 import 读取）"
EXPORT_FILL_NEEDS_DRAFT = (
    "--fill-zero 会修改并保存草稿，只能用于草稿（.nianbao）；请先用 import 命令把该文件导入为草稿"
)
EXPORT_IMPORTED = "报告由「{name}」导入，有 {n} 条导入提示{attention}（可用 import 命令查看）。"
EXPORT_HELP_DOCX = "导出 Word 文档到此位置（.docx）"
EXPORT_HELP_XLSX = "导出 Excel 工作簿到此位置（.xlsx）"
EXPORT_HELP_HTML = "导出网页到此位置（.html）：独立的 HTML5 页面，可粘贴到政府网站的内容管理系统"
EXPORT_HELP_STRICT = "报告有错误时拒绝导出（退出码 1），不写任何文件"
EXPORT_HELP_PREVIOUS = "上一年度的报告（草稿或其他可导入的报告文件），用于核对上年结转和内容雷同"
EXPORT_HELP_PDF = "导出 PDF 到此位置（.pdf，需要本机装有 LibreOffice、WPS 或 Word）"
EXPORT_HELP_FORCE = "输出文件已存在时覆盖它（不加时拒绝并说明）"
OUTPUT_EXISTS = "文件「{path}」已存在；如要覆盖，请加 --force"
EXPORT_HELP_FILL_ZERO = "先把草稿中未填写的数字补 0 并保存草稿，再导出（草稿与文件一致）"
EXPORT_BLANKS = (
    "草稿中有 {n} 个未填写的数字，导出的文件中留空。确实没有的，请填 0："
    "可加 --fill-zero 补零后导出（会修改并保存草稿）。"
)
EXPORT_FILLED = "已在草稿中把 {n} 个未填写的数字补为 0，并保存草稿：{path}"
EXPORT_FILL_FAILED = "补零后{reason}；未导出任何文件"
EXPORT_DONE_PDF = "已导出 PDF：{path}"
EXPORT_NO_OUTPUT = "请至少用 --docx、--pdf、--xlsx 或 --html 指定一个输出文件"
EXPORT_BAD_SUFFIX = "输出文件「{path}」的扩展名应为 {suffix}"
EXPORT_SAME_AS_INPUT = "输出文件「{path}」就是要导出的草稿本身，请换一个文件名"
EXPORT_UNREADABLE = "无法导出：{reason}"
EXPORT_PREVIOUS_UNREADABLE = "无法读取上一年度的报告：{reason}"
EXPORT_ISSUE = "{severity} {rule} {message}"
EXPORT_SUMMARY = "校验：{errors} 个错误，{warnings} 个警告。"
EXPORT_STRICT_REFUSED = (
    "报告有 {errors} 个错误，按 --strict 的要求未导出任何文件。请改正后重新导出。"
)
EXPORT_WITH_ERRORS = "报告仍有 {errors} 个错误，已照常导出；报送前请改正。"
EXPORT_NOTE = "提示：{note}"
EXPORT_DONE_DOCX = "已导出 Word 文档：{path}"
EXPORT_DONE_XLSX = "已导出 Excel 工作簿：{path}"
EXPORT_DONE_HTML = "已导出网页：{path}"
EXPORT_FAILED = "导出失败：{reason}"
EXPORT_FONT_NOTE = "提示：{warning}"

# ---- compare ------------------------------------------------------------------------------
COMPARE_HELP = "与上年报告逐项对比（上年、本年、增减）"
COMPARE_DESCRIPTION = (
    "把本年报告的每张表格与上年报告逐项对比，列出每个单元格的上年数、本年数和增减。\n"
    "两年格式不同时（2020 年与 2021 年之间），只有两种格式都有的单元格才有可比数据。"
)
COMPARE_EPILOG = "示例：main.py compare 2024.nianbao 2025.nianbao --changed"
COMPARE_HELP_LAST = (
    "上年报告的草稿文件（.nianbao），也可以是上年公开发布的报告（.docx/.doc/.html/.pdf/.xlsx）"
)
COMPARE_HELP_THIS = "本年报告的草稿文件（.nianbao），或其他可导入的报告文件"
COMPARE_HELP_CHANGED = "只列出有增减的单元格"
COMPARE_LAST_UNREADABLE = "无法读取上年报告：{reason}"
COMPARE_THIS_UNREADABLE = "无法读取本年报告：{reason}"
COMPARE_TITLE = "{agency}：{last} 年 → {this} 年 逐项对比"
COMPARE_COLUMNS = ("项目", "上年", "本年", "增减")
COMPARE_NO_AGENCY = "（未填写机关名称）"
COMPARE_NONE_CHANGED = "（没有增减）"
COMPARE_SUMMARY = "共 {cells} 项，其中 {changed} 项有增减，{missing} 项上年没有可比数据。"
COMPARE_PRINTED_SUMMARY = (
    "另有 {n} 个合计在导入的文档中印出的数字与各项之和不符（见各项说明），"
    "可用 validate 命令查看（R16）。"
)
COMPARE_IMPORTED = "{which}由「{name}」导入，有 {n} 条导入提示{attention}（可用 import 命令查看）。"
NOTES_ATTENTION = "，其中 {n} 条“注意”（印出的内容没有照原样导入）"
COMPARE_WHICH_LAST = "上年报告"
COMPARE_WHICH_THIS = "本年报告"

# ---- validate FOLDER (年报检查) ---------------------------------------------------------------
VALIDATE_HELP_XLSX = "检查文件夹时，把检查结果另存为 Excel 工作簿（.xlsx）"
VALIDATE_XLSX_NEEDS_FOLDER = "--xlsx 只用于检查文件夹；校验单个文件时请去掉 --xlsx"
VALIDATE_FOLDER_ONLY_OPTIONS = "检查文件夹时不能使用 --previous 或 --accept-totals"
VALIDATE_ACCEPT_NEEDS_DRAFT = (
    "--accept-totals 只用于报告草稿（.nianbao）；请先用 import 命令导入为草稿"
)
VALIDATE_IMPORTED = "由「{name}」导入后校验，有 {n} 条导入提示{attention}（可用 import 命令查看）。"
FOLDER_NO_FILES = (
    "文件夹「{folder}」中没有可检查的报告文件（.nianbao/.xlsx/.xlsm/.docx/.doc/.html/.htm/.pdf）"
)
FOLDER_HEADER = (
    "检查文件夹「{folder}」：共 {n} 个报告文件，另有 {others} 个其他文件（逐个列出未读取的原因）"
)
FOLDER_ROW = "{file}：{agency}{year}年（{format}） 错误 {errors}，警告 {warnings}，空白单元格 {blanks}，成文日期 {date}（期限 {deadline}，{timeliness}）"
FOLDER_ROW_UNREADABLE = "{file}：{reason}"
FOLDER_SUMMARY = "共 {n} 份：{unreadable} 份无法读取，{with_errors} 份有错误，{late} 份逾期，{no_date} 份未写成文日期。"
FOLDER_SAVED = "检查结果已保存：{path}"
FOLDER_SAVE_FAILED = "无法保存检查结果：{reason}"
FOLDER_NO_AGENCY = "（未填写机关名称）"
FOLDER_NO_VALUE = "—"
# ---- the unexpected ----------------------------------------------------------------------
UNEXPECTED = (
    "程序遇到了一个意外错误，操作未完成。详细信息已记录在：{log}\n如需报告此问题，请附上该文件。"
)
INTERRUPTED = "已中断。"
