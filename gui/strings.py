"""Every Chinese text of the window chrome, in one place.

Official labels are not here: they live in the format specs. Blocks are appended
per part of the window; keep each name unique.
"""

# ---- application -------------------------------------------------------------------
APP_NAME = "年报填报助手"
ORG_NAME = "Nianbao"
WINDOW_TITLE = "{agency} {year}年报告 — 年报填报助手"
WINDOW_TITLE_EMPTY = "年报填报助手"
NO_AGENCY = "（未填写机关名称）"
ABOUT_TITLE = "关于 年报填报助手"
ABOUT_TEXT = (
    "<h3>年报填报助手</h3>"
    "<p>填报、校验并导出《政府信息公开工作年度报告》。</p>"
    "<p>支持 2019 年格式（国办公开办函〔2019〕60号，适用于 2019、2020 年度）"
    "和 2021 年格式（国办公开办函〔2021〕30号，适用于 2021 年度起）。</p>"
    "<p>版本 {version}</p>"
)

# ---- menus and actions -------------------------------------------------------------
MENU_FILE = "文件(&F)"
MENU_EDIT = "编辑(&E)"
MENU_VIEW = "视图(&V)"
MENU_HELP = "帮助(&H)"
MENU_RECENT = "打开最近(&R)"
RECENT_EMPTY = "（无）"
RECENT_CLEAR = "清除列表"
ACT_NEW = "新建(&N)…"
ACT_OPEN = "打开(&O)…"
ACT_SAVE = "保存(&S)"
ACT_SAVE_AS = "另存为(&A)…"
ACT_EXPORT_DOCX = "导出 Word(&W)…"
ACT_EXPORT_XLSX = "导出 Excel(&X)…"
ACT_EXPORT_PDF = "导出 PDF(&P)…"
ACT_EXPORT_HTML = "导出网页(&H)…"
ACT_IMPORT_DOCX = "导入已公开的报告（Word、网页、PDF）…"
ACT_IMPORT_XLSX = "导入 Excel 表格…"
ACT_LOAD_PREVIOUS = "载入上年报告…"
ACT_COMPARE = "与上年对比…"
ACT_AGGREGATE = "汇总多个报告…"
ACT_QUIT = "退出(&Q)"
ACT_UNDO = "撤销(&U)"
ACT_REDO = "重做(&R)"
ACT_UNDO_NAMED = "撤销“{text}”"
ACT_REDO_NAMED = "重做“{text}”"
ACT_ZERO_TABLE = "本表补零"
ACT_ZERO_ALL = "全部补零"
ACT_PROBLEMS = "问题面板"
ACT_ABOUT = "关于(&A)"
TOOLBAR = "工具栏"
TB_NEW = "新建"
TB_OPEN = "打开"
TB_SAVE = "保存"
TB_UNDO = "撤销"
TB_REDO = "重做"
TB_EXPORT_DOCX = "导出Word"
TB_EXPORT_XLSX = "导出Excel"
TIP_ZERO_TABLE = "把当前表格中所有空白的输入格填为 0（请先确认其余数字确实为 0）"
TIP_ZERO_ALL = "把整份报告中所有空白的输入格填为 0（请先确认其余数字确实为 0）"
ZERO_NO_TABLE = "请先在左侧选择一张表格（二、三或四），再使用“本表补零”。"
ZERO_NOTHING = "没有需要补零的空白单元格。"

# ---- status bar ----------------------------------------------------------------------
STATUS_SAVED = "已保存"
STATUS_UNSAVED = "未保存"
STATUS_AUTOSAVED = "已自动保存 {time}"
STATUS_EXPORTING = "正在导出 {name}…"
STATUS_IMPORTING = "正在导入 {name}…"
STATUS_EXPORTED = "已导出 {name}"
STATUS_COPIED = "已复制到剪贴板，可粘贴到正文中"

# ---- files ---------------------------------------------------------------------------
FILTER_DRAFT = "年报草稿 (*.nianbao)"
FILTER_OPENABLE = "年报草稿和报告文件 (*.nianbao *.docx *.doc *.xlsx *.html *.htm *.pdf)"
FILTER_DOCX = "Word 文档 (*.docx)"
FILTER_PDF = "PDF 文件 (*.pdf)"
FILTER_PUBLISHED = "已公开的报告 (*.docx *.doc *.html *.htm *.pdf)"
FILTER_HTML = "网页 (*.html)"
FILTER_XLSX = "Excel 工作簿 (*.xlsx)"
FILTER_ALL = "所有文件 (*)"
DLG_OPEN = "打开草稿"
DLG_SAVE_AS = "另存为"
DLG_EXPORT_DOCX = "导出 Word 报告"
DLG_EXPORT_XLSX = "导出 Excel 表格"
DLG_EXPORT_PDF = "导出 PDF"
BLANKS_TITLE = "还有未填写的数字"
BLANKS_TEXT = "报告中有 {n} 个未填写的数字，导出的文件中会留空。"
BLANKS_DETAIL = (
    "确实没有的，应填 0。“补零后导出”会先把这些空白单元格填为 0（可撤销），再导出，"
    "草稿与导出的文件保持一致。"
)
BLANKS_FILL = "补零后导出"
BLANKS_AS_IS = "按原样导出"
# the same questions before 打印 (Ctrl+P)
BLANKS_TEXT_PRINT = "报告中有 {n} 个未填写的数字，打印出来会留空。"
BLANKS_DETAIL_PRINT = (
    "确实没有的，应填 0。“补零后打印”会先把这些空白单元格填为 0（可撤销），再打印，"
    "草稿与打印的报告保持一致。"
)
BLANKS_FILL_PRINT = "补零后打印"
BLANKS_AS_IS_PRINT = "按原样打印"
DLG_EXPORT_HTML = "导出网页"
DLG_IMPORT_DOCX = "导入已公开的报告"
DLG_IMPORT_XLSX = "导入 Excel 表格"
DLG_PREVIOUS = "选择上年报告草稿"
DRAFT_SUFFIX = ".nianbao"
DEFAULT_FILE_NAME = "{agency}{year}年政府信息公开工作年度报告"
UNSAVED_TITLE = "尚未保存"
UNSAVED_TEXT = "报告“{name}”有尚未保存的修改。"
UNSAVED_INFO = "要在关闭前保存吗？不保存将丢失这些修改。"
UNSAVED_LOST = "不保存将丢失这些修改。"
# What closes the open report, asked before (the question names it and why)
UNSAVED_BEFORE_OPEN = "打开另一个文件前，是否保存对“{name}”的修改？"
UNSAVED_BEFORE_NEW = "新建报告前，是否保存对“{name}”的修改？"
UNSAVED_BEFORE_SAMPLE = "打开示例报告前，是否保存对“{name}”的修改？"
UNSAVED_BEFORE_IMPORT = "导入报告前，是否保存对“{name}”的修改？导入的报告会替换窗口中的这份报告。"
UNSAVED_BEFORE_SUMMARY = "打开汇总报告前，是否保存对“{name}”的修改？"
UNSAVED_BEFORE_RECOVER = "恢复自动保存的内容前，是否保存对“{name}”的修改？"
UNSAVED_BEFORE_QUIT = "退出程序前，是否保存对“{name}”的修改？"
UNSAVED_BEFORE_CLOSE = "关闭报告前，是否保存对“{name}”的修改？"
OPEN_FAILED_TITLE = "无法打开"
OPEN_FAILED = "无法打开文件“{path}”：\n{reason}"
SAVE_FAILED_TITLE = "无法保存"
CHANGED_ON_DISK_TITLE = "文件已被修改"
CHANGED_ON_DISK = "“{name}”在您打开之后已被另一个窗口或其他程序保存过。"
CHANGED_ON_DISK_INFO = "直接保存会覆盖那次保存的内容。建议“另存为…”一个新文件，再核对两个文件。"
CHANGED_ON_DISK_SAVE_AS = "另存为…"
CHANGED_ON_DISK_OVERWRITE = "仍然覆盖"
SAVE_FAILED = "无法保存到“{path}”：\n{reason}\n\n报告仍在窗口中，请换一个位置另存。"
FILE_MISSING = "文件已不存在，已从最近列表中移除。"
IMPORT_FAILED_TITLE = "无法导入"
IMPORT_NOTES_TITLE = "导入完成"
IMPORT_NOTES = "已导入“{name}”。请核对以下说明："
IMPORT_NOTE_LINE = "{level}：{note}"
IMPORT_CLEAN = "已导入“{name}”，所有内容均已读取。请核对后另存为草稿。"

# ---- export --------------------------------------------------------------------------
EXPORT_ERRORS_TITLE = "报告还有错误"
EXPORT_ERRORS = (
    "报告中还有 {errors} 个错误（见问题面板）。导出的文件将包含这些错误。\n\n仍要导出吗？"
)
PRINT_ERRORS = (
    "报告中还有 {errors} 个错误（见问题面板）。打印的报告将包含这些错误。\n\n仍要打印吗？"
)
EXPORT_DONE_TITLE = "导出完成"
EXPORT_DONE = "已导出到：\n{path}"
EXPORT_WARNINGS = "导出时的提示："
EXPORT_OPEN_FILE = "打开文件"
EXPORT_OPEN_FOLDER = "打开所在文件夹"
EXPORT_CLOSE = "关闭"
EXPORT_FAILED_TITLE = "导出失败"
EXPORT_FAILED = "无法导出到“{path}”：\n{reason}"
EXPORT_BUSY = "正在导出，请稍候。"

# ---- autosave and recovery -----------------------------------------------------------
RECOVER_TITLE = "恢复未保存的内容"
RECOVER_TEXT = "上次程序没有正常退出。找到了自动保存的报告：\n\n{name}\n自动保存于 {time}"
RECOVER_INFO = "要恢复这些内容吗？选择“丢弃”将删除这份自动保存的内容。"
RECOVER_BUTTON = "恢复"
RECOVER_DISCARD = "丢弃"
RECOVER_UNDO_TEXT = "恢复自动保存的内容"
RECOVER_PENDING_CELL = (
    "程序意外退出时，「{where}」正在输入「{text}」，还没有确认；恢复的报告中这一格仍是已确认的{old}。"
    "输入的内容已放回这一格：按回车采用，按 Esc 放弃（保留{old}）。"
)
RECOVER_PENDING_BLANK = "空白"
RECOVER_PENDING_OLD = "「{value}」"  # a confirmed value as the messages above quote it
RECOVER_PENDING_TITLE = "有尚未确认的输入"
RECOVER_PENDING_LIST = (
    "程序意外退出时，下列单元格正在输入、还没有确认。恢复的报告中保留已确认的值，"
    "输入的内容没有放入报告，请核对后自行填写：\n{items}"
)
RECOVER_PENDING_ITEM = "• 「{where}」：输入了「{text}」，已确认的值为{old}"
RECOVER_FAILED = "自动保存的内容无法读取，已保留原文件：\n{path}\n{reason}"

# ---- errors --------------------------------------------------------------------------
ERROR_TITLE = "程序出错"
ERROR_TEXT = "程序遇到了一个意外错误。已填写的内容仍在窗口中，建议立即保存。"
ERROR_INFO = "如需报告此问题，请点击“显示详细信息”并复制其中的内容。"
ERROR_LOGGED = "详细信息已记录在：{path}"

# ---- navigator ---------------------------------------------------------------------------
NAV_META = "基本信息"
NAV_OK = "✓"
NAV_BADGE_ERRORS = "{n} 错"
NAV_BADGE_WARNINGS = "{n} 警"
NAV_TIP = "{heading}\n{errors} 个错误，{warnings} 个警告"

# ---- meta page -----------------------------------------------------------------------
META_HEADING = "基本信息"
META_AGENCY = "机关名称"
META_AGENCY_HINT = "如：某某市某某局"
META_AGENCY_REFUSED = "错误：{reason}（未填入报告）"
META_YEAR = "报告年度"
META_YEAR_SUFFIX = " 年"
META_KIND = "报告类型"
META_DATE = "成文日期"
META_DATE_BLANK = "未填写"
META_DATE_TODAY = "今天"
META_DATE_CLEAR = "清除"
META_DEADLINE = "公布期限"
META_DEADLINE_TEXT = "{date}前（{kind}报告，《政府信息公开条例》第四十九条）"
META_FORMAT = "报告格式"
META_FORMAT_TEXT = "{name}（{issued_by}）"
META_YEAR_CHANGE_TITLE = "更换报告格式"
META_YEAR_CHANGE = (
    "{year}年度的报告应使用{target}（{issued_by}），当前报告使用的是另一种格式。\n\n"
    "程序会把能对应的内容转换到新格式，并列出无法转换的内容。此操作可以撤销。\n\n是否转换？"
)
META_CONVERT_UNDO = "报告年度改为{year}年并转换格式"
META_CONVERT_NOTES_TITLE = "格式已转换"
META_CONVERT_NOTES = "已转换为{target}。以下内容无法直接对应，请核对："
META_CONVERT_CLEAN = "已转换为{target}，全部内容均已对应。"
META_KIND_NAMES = {"department": "部门", "government": "本级政府"}

# ---- text pages ------------------------------------------------------------------------
TEXT_PROMPT = "本部分应报告："
TEXT_COUNT = "{chars} 字，{paras} 段"
TEXT_OUTLINE = "插入提纲"
TEXT_OUTLINE_TIP = "在光标处插入本部分建议的小标题：{items}"
TEXT_PREVIOUS = "{year}年度报告（仅供参考，不会自动复制）"
TEXT_COPY_SELECTED = "复制选中内容"
TEXT_FEE_GROUP = "信息处理费"
TEXT_FEE_REFUSED = "信息处理费：{reason}（未填入报告）。请改正或清空。"
TEXT_FEE_COUNT = "收费件数"
TEXT_FEE_AMOUNT = "金额（元）"
TEXT_FEE_PREVIEW = "生成的说明："
TEXT_FEE_INSERT = "插入到正文"
TEXT_PLACEHOLDER = "在此填写正文。每段一行，回车另起一段。"

# ---- start page ------------------------------------------------------------------------
START_TITLE = "年报填报助手"
START_SUBTITLE = "政府信息公开工作年度报告：填报、校验、导出 Word 和 Excel"
START_NEW = "新建报告…"
START_OPEN = "打开草稿…"
START_SAMPLE = "打开示例报告"
START_RECENT = "最近的草稿"
START_RECENT_EMPTY = "还没有最近打开的草稿。点击“新建报告”开始填写。"
START_RECENT_ITEM = "{name}\n{folder}　修改于 {time}"
START_SAMPLE_NOTE = "示例：2020年度的一份真实报告（2019年格式），可用来熟悉程序。"

# ---- new report dialog ------------------------------------------------------------------
NEW_TITLE = "新建报告"
NEW_YEAR = "报告年度"
NEW_AGENCY = "机关名称"
NEW_KIND = "报告类型"
NEW_FORMAT = "报告格式"
NEW_BASE = "基于上年报告"
NEW_BASE_TIP = "带入上年的机关名称和“结转下年度继续办理”等数字，上年的正文仅作参考，不会自动复制"
NEW_BASE_PICK = "选择…"
NEW_BASE_HINT = "上年报告草稿（.nianbao）"
NEW_NEED_AGENCY = "请填写机关名称。"
NEW_NEED_BASE = "请选择上年报告草稿，或取消勾选“基于上年报告”。"
NEW_NO_FORMAT = "{year}年度没有可用的报告格式（最早为 2019 年度）。"

# ---- undo commands (used by gui/commands.py) ------------------------------------------
CMD_REPLACE_REPORT = "替换报告"

# ---- document, undo commands, table grids, problems panel --------------------------
# Undo command texts: they appear in 编辑 → 撤销「…」 / 重做「…」.
CMD_EDIT_CELL = "填写「{where}」"
CMD_CLEAR_CELLS = "清除 {n} 个单元格"
CMD_PASTE = "粘贴 {n} 个单元格"
CMD_SET_CELLS = "修改 {n} 个单元格"
CMD_FILL_ZERO_TABLE = "「{table}」补零（{n} 个单元格）"
CMD_FILL_ZERO_ALL = "全部补零（{n} 个单元格）"
CMD_EDIT_TEXT = "编辑「{heading}」"
CMD_SET_META = "修改{fields}"
CMD_CONFIRM_YEAR = "确认报告年度（{year}年）"
META_CONFIRM_YEAR = "确认年度"
META_CONFIRM_YEAR_TIP = (
    "导入时文档标题中没有年份，这个年度是推定的。核对无误后点此确认；年度不对请直接改正。"
)
META_YEAR_PENDING = "（待确认）"
META_FIELD_NAMES = {
    "agency": "机关名称",
    "year": "报告年度",
    "kind": "报告类型",
    "date": "成文日期",
}
CMD_SET_UNIT = "金额单位改为{unit}"
CMD_SET_EXTRA = "修改「{key}」"
CMD_ACCEPT_TOTALS = "采用计算的合计（{n} 个）"
WHERE_SEPARATOR = "／"

# ---- table grids (二、三、四) ----------------------------------------------------------
CELL_WHERE = "{row}　／　{col}"
CELL_REFUSED = "「{row}」行“{col}”列：{reason}。请改正后回车，或按 Esc 放弃这次输入（保留原值）。"
ZERO_SKIPPED_REFUSED = "有 {n} 个空白单元格上次输入的内容未被接受，没有补零，请填写：{cells}"
ZERO_SKIPPED_CELL = "{where}（输入的是「{text}」）"
MONEY_WITH_UNIT = "{value} {unit}"
CELL_COMPUTED_TIP = "合计：由程序自动计算，不能直接填写"
CELL_MONEY_TIP = "金额，单位：{unit}（右键可切换单位）"
CELL_SIGNED_TIP = "可填负数表示减少，如 -8"
CELL_ISSUE_TIP = "{severity}（{rule}）：{message}"
TYPING_ON_COMPUTED = (
    "合计单元格由程序自动计算，不能直接填写；请修改它所汇总的单元格（按回车到下一行）。"
)
TYPING_ON_LABEL = (
    "这是表格的行标题，不能填写：按 Tab 或回车到这一行的第一个填写格，或点击要填写的单元格。"
)
TYPING_ON_HEADING = (
    "这是表格的栏目标题，不能填写：按 Tab 或回车到这一栏的第一个填写格，或点击要填写的单元格。"
)
TYPING_NO_CELL = "请先点击要填写的单元格。"
TAB_ROW_END = "这是这一行最后一个填写格：Tab 不会跳到下一行，请按回车到下一行。"
TABLE_HINT = (
    "选中单元格直接输入数字；回车下移（接连按 Tab 填写一行后，回车回到这一行开始的列），Tab 右移，"
    "方向键确认并移动，F2 在格内修改；可从 Excel 或 WPS 复制一块数字后按 Ctrl+V 粘贴。"
)
LEGEND_COMPUTED = "自动计算"
LEGEND_ERROR = "错误"
LEGEND_WARNING = "警告"
LEGEND_INFO = "提示"
ZERO_TABLE_BUTTON = "本表补零"
ZERO_TABLE_TIP = "把本表所有空白的填报单元格填为 0（可撤销）。请先确认其余单元格确实为零。"
ZERO_TABLE_DONE = "已将本表 {n} 个空白单元格填为 0。如需恢复，请使用“撤销”（Ctrl+Z）。"
ZERO_TABLE_NONE = "本表没有空白的填报单元格。"
MESSAGE_CLOSE = "关闭提示"
PASTE_REFUSED = "粘贴未执行，表格没有任何改动：有 {n} 个值无法识别。\n{details}\n请在原表格中修正后重新复制粘贴。"
PASTE_MORE_REFUSED = "\n……另有 {n} 处"
PASTE_CELL_REFUSED = "「{row}」行“{col}”列：{reason}"
PASTE_DONE = "已粘贴 {n} 个单元格。"
PASTE_TOTALS_AGREE = "粘贴内容中的 {n} 个合计与程序计算的一致。"
PASTE_NO_CURRENT = "请先选中要粘贴到的起始单元格。"
PASTE_NOTHING = "剪贴板中没有可以粘贴的数字或表格。"
PASTE_BELOW = "下方"
PASTE_RIGHT = "右侧"
PASTE_OUTSIDE_AT = "「{text}」会超出表格{side}"
PASTE_ON_LABEL = "「{text}」会落在表格文字「{label}」上"
PASTE_EMPTY_LABEL = "（空白）"
PASTE_IN_MERGED = "「{text}」会落在合并单元格「{where}」中"
PASTE_ON_TOTAL = "「{text}」会落在合计「{where}」上，而按各项计算应为 {total}"
PASTE_CONFLICT_TITLE = "粘贴内容与表格不对齐"
PASTE_CONFLICT_TEXT = (
    "有 {n} 个数字放不进填报单元格（合计由程序计算，不能粘贴）：\n{details}\n\n"
    "多半是起始单元格选错了，或复制时多选了一行、一列。"
)
PASTE_CONFLICT_REST = "只粘贴其余的数字"
PASTE_CONFLICT_CANCEL = "取消粘贴"
PASTE_CANCELLED = "粘贴已取消，表格没有任何改动：{details}"
PASTE_CONFLICT_DONE = "另有 {n} 个数字放不进填报单元格，按您的选择未粘贴：{details}"
MENU_COPY = "复制"
MENU_PASTE = "粘贴"
MENU_CLEAR = "清除内容"
MENU_UNIT = "金额单位：{unit}"

# ---- problems panel ---------------------------------------------------------------------
PROBLEMS_TITLE = "问题"
PROBLEMS_COUNT = "{n} 个{label}"
PROBLEMS_NONE = "没有发现问题"
PROBLEMS_COL_SEVERITY = "级别"
PROBLEMS_COL_WHERE = "位置"
PROBLEMS_COL_MESSAGE = "说明"
PROBLEMS_SEVERITY = "{label} {rule}"
# Totals an imported document printed differently from their parts (R16).
PROBLEMS_ACCEPT = "采用计算结果"
PROBLEMS_ACCEPT_TIP = (
    "不再保留文档中印出的合计，改用程序按各项计算的合计（可撤销）。"
    "如果是某一项填错了，请改正该项，不要采用计算结果。"
)
PROBLEMS_ACCEPT_ALL = "全部采用计算结果（{n} 个合计）"
PROBLEMS_JUMP = "转到该处"
PROBLEMS_RULE_TIP = "{code} {name}：{text}"
PROBLEMS_COLLAPSE = "收起问题列表，只留一行（再点一次展开）"
PROBLEMS_EXPAND = "展开问题列表"
PROBLEMS_HIDE = "关闭问题面板（F8 重新打开）"

# ---- main window (more) ------------------------------------------------------------------
ZERO_ALL_DONE = "已将 {n} 个空白单元格填为 0。如需恢复，请使用“撤销”（Ctrl+Z）。"
WINDOW_TITLE_DOC = "{agency} {year}年报告[*] — 年报填报助手"
UNDO_PREFIX = "撤销"
REDO_PREFIX = "重做"
PREVIOUS_LOADED = "已载入上年（{year}年度）报告，用于核对上年结转等数字。"
META_LOAD_PREVIOUS = "载入上一年度报告…"
PREVIOUS_WRONG_TITLE = "不是上一年度的报告"
SAMPLE_FAILED = "无法打开示例报告：{reason}"
SCREENSHOT_FAILED = "无法生成截图：{reason}"

# ---- roll-up dialog (文件 → 汇总多个报告) ------------------------------------------------
AGG_TITLE = "汇总多个报告"
AGG_INTRO = (
    "添加各机关报送的报告草稿（.nianbao）或本程序导出的 Excel、Word 报告，程序将同一年度、"
    "同一格式的报告逐项相加，生成一份汇总报告。合计由汇总报告重新计算；金额先换算为统一单位"
    "再相加；空白单元格按 0 相加，并在“空白单元格”列中列出。年度或格式不同的报告和无法读取的"
    "文件不纳入汇总，并注明原因。以前的汇总报告（包括导出的 Excel、Word、网页、PDF）和汇总表不会再次计入；相加后超出上限的单元格会列出，不生成汇总；"
    "有部门报告时，本级政府的报告不计入（它多半是以前的汇总结果），需要时勾选“计入本级政府报告”。"
    "同一机关同一年度有多份报告时只计入一份（草稿优先于 Excel，Excel 优先于 Word，同类取最后修改的"
    "一份）。每次“开始汇总”都重新查看文件夹（迟交的报告会被计入），每个文件都列出是否计入及原因。"
)
AGG_ADD_FOLDER = "添加文件夹…"
AGG_ADD_FILES = "添加文件…"
AGG_REMOVE = "移除所选"
AGG_CLEAR = "清空列表"
AGG_PICK_FOLDER = "选择存放报告的文件夹"
AGG_PICK_FILES = "选择报告文件"
AGG_FILTER_REPORTS = "年报草稿和报告文件 (*.nianbao *.xlsx *.docx *.doc *.html *.htm *.pdf)"
AGG_YEAR = "汇总年度："
AGG_YEAR_AUTO = "自动（多数报告的年度）"
AGG_YEAR_ITEM = "{year}年度"
AGG_AGENCY = "汇总机关名称："
AGG_AGENCY_PLACEHOLDER = "汇总"
AGG_RUN = "开始汇总"
AGG_INCLUDE_GOVERNMENT = "计入本级政府报告"
AGG_INCLUDE_GOVERNMENT_TIP = (
    "默认不计入：本级政府的年报就是各部门报告的汇总，与部门报告一起相加会重复计算。"
    "乡镇、街道等确需计入的本级政府报告，勾选后再汇总。"
)
AGG_GOVERNMENT_LINE = "{n} 份本级政府的报告未计入（见“说明”列；需要时勾选“计入本级政府报告”）。"
AGG_CANCEL = "取消"
AGG_SAVE_DRAFT = "保存汇总草稿…"
AGG_SAVE_XLSX = "导出汇总表…"
AGG_OPEN = "打开汇总报告"
AGG_CLOSE = "关闭"
AGG_COLUMNS = (
    "文件",
    "机关名称",
    "报告类型",
    "错误",
    "警告",
    "空白单元格",
    "成文日期",
    "是否逾期",
    "说明",
)
AGG_WAITING = "待汇总"
AGG_INCLUDED = "已汇总"
AGG_COUNT = "共 {n} 个文件，其中 {reports} 个报告文件待汇总"
AGG_FLAGS_LINE = "已汇总的报告中，{errors} 份有错误，{blanks} 份有空白单元格（按 0 计入）。"
AGG_FLAGS_TITLE = "部分报告有问题"
AGG_FLAGS_QUESTION = (
    "已汇总的报告中，{errors} 份有错误，{blanks} 份有空白单元格（空白按 0 计入汇总）。"
)
AGG_FLAGS_INFO = (
    "“报送情况”中标色的行就是这些报告。可以先请报送机关改正后重新汇总，"
    "也可以现在保存（汇总表的“报送情况”表会列出这些问题）。"
)
AGG_FLAGS_SAVE = "仍然保存"
AGG_FLAGS_BACK = "返回查看"
AGG_RUNNING = "正在读取第 {done}/{total} 个文件：{name}"
AGG_CANCELLED = "已取消汇总。"
AGG_NOTHING = "没有可汇总的报告。请查看“说明”列中的原因。"
AGG_SCOPE = "{line}汇总范围：{year}年度，{format}。"
AGG_SAVE_DRAFT_TITLE = "保存汇总草稿"
AGG_SAVE_XLSX_TITLE = "导出汇总表"
AGG_DEFAULT_DRAFT = "{year}年度汇总.nianbao"
AGG_DEFAULT_XLSX = "{year}年度汇总表.xlsx"
AGG_SAVED = "已保存：{path}"
AGG_SAVE_FAILED = "无法保存"
AGG_FAILED = "汇总失败"
AGG_OVER_LIMIT_TITLE = "合计超出上限，未能汇总"
AGG_EXPORTING = "正在导出汇总表…"
AGG_DATE = "{year}年{month}月{day}日"
IMPORT_UNDO_TEXT = "导入“{name}”"

# ---- year-on-year comparison dialog ------------------------------------------------------
CMP_TITLE = "与上年对比"
CMP_HEADING = "{agency}：{last} 年 → {this} 年"
CMP_NO_AGENCY = "（未填写机关名称）"
CMP_COLUMNS = ("项目", "上年", "本年", "增减", "说明")
CMP_PRINTED_NOTE = (
    "本表有 {n} 个合计在导入的文档中印出的数字与各项之和不符（R16），对比按各项之和，详见“说明”一列"
)
CMP_CHANGED_ONLY = "只显示有增减或印出的合计不符的项"
CMP_SUMMARY = "共 {cells} 项，其中 {changed} 项有增减"
CMP_BLANK_CURRENT = "本年有 {n} 项未填写"
CMP_BLANK_PREVIOUS = "上年有 {n} 项未填写"
CMP_MISSING = "{n} 项上年没有可比数据"
CMP_PRINTED = (
    "{n} 个合计在导入的文档中印出的数字与各项之和不符（标红，鼠标停留可见印出的数字，R16）"
)
CMP_MOSTLY_BLANK = "本年的表格大多还没有填写：未填写的项不计算增减，填写后再对比才有意义。"
CMP_EXPORT = "导出 Excel…"
CMP_EXPORT_TIP = "把对比保存为同比表（Excel）：每张表一个工作表，增减和增减率是公式"
CMP_EXPORT_TITLE = "导出同比表"
CMP_DEFAULT_FILE = "{agency}{last}-{this}年同比表.xlsx"
CMP_EXPORTING = "正在导出同比表…"
CMP_EXPORTED = "已导出：{path}"
CMP_EXPORT_FAILED = "无法导出同比表：{reason}"
CMP_BLANK = "—"
CMP_COMPUTED_TIP = "合计，由程序按各项相加"
CMP_UP_TIP = "比上年增加 {diff}"
CMP_DOWN_TIP = "比上年减少 {diff}"
CMP_CLOSE = "关闭"
TEXT_FEE_HINT = "填写收费件数和金额后生成；未收取的，件数填 0 即可。"
UNSAVED_DISCARD = "不保存"
ERROR_INFO_DETAILS = "如需报告此问题，请点击“显示详情”并复制其中的内容。"
ACT_NEXT_PAGE = "下一部分"
ACT_PREVIOUS_PAGE = "上一部分"

# Navigator badges in full words: the one-character 「2 警」 read as a fragment.
# (Supersedes the short forms defined above.)
NAV_BADGE_ERRORS = "{n} 错误"
NAV_BADGE_WARNINGS = "{n} 警告"

# 新建 dialog: the button says what it does.
NEW_CREATE = "新建"

# ---- last year, roll-up and autosave -------------------------------------------------
CMD_OPEN_SUMMARY = "打开汇总报告"
STATUS_AUTOSAVE_FAILED = "自动保存失败（{reason}），请用“保存”保存您的修改"

# ---- close, print, zoom, help ---------------------------------------------------------
ACT_CLOSE = "关闭报告(&C)"
TIP_CLOSE = "关闭当前报告，回到开始页（有未保存的修改时先询问）"
ACT_PRINT = "打印(&P)…"
TIP_PRINT = "生成 PDF 并用系统的阅读器打开，在阅读器中打印"
STATUS_PRINTING = "正在生成打印用的 PDF…"
STATUS_PRINT_OPENING = "已生成打印用的 PDF，正在用阅读器打开…"
STATUS_PRINT_READY = "已生成 PDF，请在打开的阅读器中打印（通常是 Ctrl+P）"
STATUS_PRINT_NO_VIEWER = "没有程序能打开 PDF，未能打印"
PRINT_NO_VIEWER_TITLE = "无法打开打印用的 PDF"
PRINT_NO_VIEWER = "打印用的 PDF 已生成，但本机没有能打开 PDF 的阅读器，程序无法把它送去打印。"
PRINT_NO_VIEWER_INFO = (
    "可以用“导出 PDF…”把报告保存到您选择的文件夹，复制到能打印的电脑上打印；"
    "也可以导出 Word 文件（Ctrl+E），用 WPS 或 Word 打开后打印。"
)
PRINT_EXPORT_PDF = "导出 PDF…"
PRINT_NO_SUITE_TITLE = "无法直接打印"
PRINT_NO_SUITE = (
    "本机没有找到可以生成 PDF 的办公软件（LibreOffice、WPS 或 Word），程序无法直接打印。"
)
PRINT_NO_SUITE_INFO = (
    "请先导出 Word 文件（文件 → 导出 Word，Ctrl+E），再用 Word 或 WPS 打开它，"
    "在其中选择“文件 → 打印”。也可以把 Word 文件复制到装有办公软件的电脑上打印。"
)
PRINT_EXPORT_DOCX = "导出 Word…"
ACT_ZOOM_IN = "放大"
ACT_ZOOM_OUT = "缩小"
ACT_ZOOM_RESET = "原始大小"
STATUS_ZOOM = "表格和正文显示为 {percent}%"
ACT_COLLAPSE_PROBLEMS = "问题面板只显示一行"
ACT_HELP_USAGE = "使用说明(&U)"
ACT_HELP_RULES = "校验规则说明(&R)"
ACT_HELP_FORMATS = "官方格式(&F)"
ACT_HELP_KEYS = "键盘操作(&K)"
STATUS_SAMPLE = "示例报告（未修改）"

# ---- opening a file in the system's program -----------------------------------------
OPEN_FAILED_PATH_TITLE = "无法打开"
OPEN_FAILED_FILE = "没能打开“{name}”：本机可能没有打开这类文件的程序。"
OPEN_FAILED_FOLDER = "没能打开文件夹“{name}”。"
OPEN_FAILED_WHERE = "文件保存在下面的位置，可以复制后在文件管理器或办公软件中打开："
OPEN_FAILED_COPY = "复制路径"
OPEN_FAILED_COPIED = "已复制"
OPEN_FAILED_CLOSE = "关闭"

# ---- start page (more) ------------------------------------------------------------------
START_OPEN_RECENT = "打开"
START_OPEN_RECENT_TIP = "打开选中的草稿（也可以双击或按回车）"

# ---- help pages (gui/help_pages.py, gui/help_dialog.py) --------------------------------
HELP_TITLE = "帮助 — 年报填报助手"
HELP_USAGE = "使用说明"
HELP_RULES = "校验规则说明"
HELP_FORMATS = "官方格式"
HELP_KEYS = "键盘操作"
HELP_CLOSE = "关闭"
HELP_RULES_INTRO = (
    "程序随每次输入检查整份报告，问题列在窗口下方的问题面板中（F8），单击即跳到对应的单元格或栏目。"
    "**错误**必须改正；**警告**和**提示**请核实。“自动计算”的合计由程序算出，不能填写。"
    "下表列出程序做的全部 17 项检查（R1–R17），“依据”一栏注明每项出自官方格式、"
    "《政府信息公开条例》还是国办的有关文件；R15–R17 是程序为常见的疏漏另加的检查。"
)
HELP_FORMATS_INTRO = "程序按报告年度自动选用格式；年度跨越 2020/2021 时，程序先询问，再转换为对应格式，并逐条列出无法转换的内容。"
HELP_FORMAT_NOTICE = "印发文件"
HELP_FORMAT_NOTICE_NOTE = {"2021": "（2021年9月26日印发，修订 2019 年的试行格式）"}
HELP_FORMAT_APPLIES = "适用年度"
HELP_FORMAT_YEARS = "{years} 年度的报告"
HELP_FORMAT_YEARS_OPEN = "{first} 年度起的报告"
HELP_FORMAT_DUE = "公布期限"
HELP_FORMAT_DEADLINE = "{kind}报告次年 {month} 月 {day} 日前"
HELP_FORMAT_DUE_BASIS = "《政府信息公开条例》第四十九条"
HELP_FORMAT_SECTIONS = "六个部分"
HELP_CHANGES_HEADING = "## {new} 年格式相对 {old} 年格式的变化"
HELP_CHANGE_NEW_TABLE = "{heading}：新增的表格"
HELP_CHANGE_ROWS_GONE = "取消了 {labels}"
HELP_CHANGE_ROWS_NEW = "新增 {labels}"
HELP_CHANGE_COLS_GONE = "取消了栏目 {labels}"
HELP_CHANGE_COLS_NEW = "新增栏目 {labels}"
HELP_CHANGE_SAME = "没有变化"
HELP_CHANGE_OUTLINE = (
    "“一、总体情况”按 {items} 五个方面报告（程序的“插入提纲”按钮插入这五个小标题）。"
)
HELP_CHANGE_FEE = (
    "“六、其他需要报告的事项”通常报告信息处理费的收取情况（程序可填写件数和金额，生成说明文字）。"
)
HELP_FORMATS_CONVERT = (
    "两种格式的第三部分表头、第四部分完全相同；程序转换格式时，两种格式都有的单元格原样保留，"
    "没有对应栏目的数字逐条列出，不会悄悄丢掉。"
)
HELP_KEYS_INTRO = (
    "下表由程序的菜单生成，与菜单中显示的快捷键一致。光标在任何输入框中时，这些快捷键也照样有效"
    "（例如在“机关名称”中按 Ctrl+E 导出 Word）。"
)
HELP_KEYS_HEAD = ("菜单", "操作", "按键")
HELP_GRID_KEYS = "表格和正文中的按键"
HELP_GRID_KEYS_HEAD = ("按键", "作用")
GRID_KEYS = (
    (("0–9", "-"), "选中单元格后直接输入，替换原来的数字（输入状态）"),
    (("Enter",), "确认并下移；接连按 Tab 填完一行后，回到这一行开始的那一列的下一行"),
    (("Shift+Enter",), "确认并上移"),
    (("Tab", "Shift+Tab"), "确认并右移、左移（跳过合计）"),
    (("↑", "↓", "←", "→"), "输入状态下确认并移动；未在输入时移动（可以停在合计上）"),
    (("F2",), "在格内修改原来的数字（这时左右方向键在文字中移动）；再按一次回到输入状态"),
    (("Esc",), "放弃正在输入的内容，保留原值"),
    (
        ("Ctrl+Z", "Ctrl+Y"),
        "输入状态下先撤销、重做格内的输入；格内没有可撤销的输入时撤销、重做报告的上一步",
    ),
    (("Ctrl+Home", "Ctrl+End"), "到表格的第一个、最后一个填写格（输入时先确认）"),
    (("Delete", "Backspace"), "清除所选单元格"),
    (
        ("Ctrl+C", "Ctrl+X", "Ctrl+V"),
        "复制、剪切、粘贴（可粘贴从 Excel、WPS 或网页复制的一块数字）",
    ),
    (("Tab",), "在正文编辑框中：离开编辑框，到下一个控件"),
    (
        ("Ctrl+Z",),
        "在正文编辑框中：撤销一步（停顿 1.5 秒以上、回车另起一段、粘贴、离开编辑框都结束一步）",
    ),
)

# ---- file dialogs (gui/file_dialogs.py) ------------------------------------------------
FD_LOOK_IN = "查找范围："
FD_FILE_NAME = "文件名："
FD_FOLDER = "文件夹："
FD_FILE_TYPE = "文件类型："
FD_OPEN = "打开"
FD_SAVE = "保存"
FD_CHOOSE = "选择文件夹"
FD_CANCEL = "取消"
FD_BYTES = "{n} 字节"
FD_DRAFT_TYPE = "年报草稿"  # the type column's name for a .nianbao file
FD_COLUMNS = ("名称", "大小", "类型", "修改日期")
