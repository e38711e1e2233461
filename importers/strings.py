"""Chinese messages of the importers, in one place."""

CANNOT_OPEN = "无法打开文件「{name}」：{reason}"
TOO_LARGE = "文件「{name}」超过 {mb} MB，不像是一份年度报告，已拒绝导入"
ZIP_BOMB = "文件「{name}」的压缩内容异常（条目过多或解压后过大），可能是恶意文件，已拒绝导入"
XML_ENTITIES = "文件「{name}」含有不安全的 XML 实体声明，已拒绝导入"
NOT_OFFICE_FILE = "文件「{name}」不是有效的 Office 文档（.xlsx / .docx），无法导入"
NOT_OFFICE_BUT = (
    "文件「{name}」实际上是{kind}，只是扩展名写成了「{suffix}」；请把扩展名改为「{right}」后再导入"
)
# the part that says which kind of office package a file is: (part, what it is, suffix)
OFFICE_KINDS = (
    ("word/document.xml", " Word 文档", ".docx"),
    ("xl/workbook.xml", " Excel 工作簿", ".xlsx"),
)
# what a file's first bytes say it is: (magic, what it is, the suffix it should have)
FILE_KINDS = (
    (b"%PDF", " PDF 文件", ".pdf"),
    (
        b"\xd0\xcf\x11\xe0",
        "旧版 Word 或 Excel 文件（Office 97–2003）",
        ".doc（Excel 文件请在 Excel 或 WPS 中另存为 .xlsx）",
    ),
    (b"{\\rtf", " RTF 文档", ".doc"),
    (b"<html", "网页", ".html"),
    (b"<!doctype html", "网页", ".html"),
)
BROKEN_FILE = "文件「{name}」已损坏，无法读取"
DUPLICATE_PART = (
    "文件「{name}」中有两个同名的部分「{part}」，不同的程序会读到不同的内容，"
    "已拒绝导入；请在 Word、WPS 或 Excel 中打开后另存，再导入"
)
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
SUMMARY_MARKER_BAD = (
    "文件属性中记录的汇总来源无法读取；本文件仍按汇总报告处理（再次汇总时不会计入）"
)
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
DOCX_SIGNATURE_NO_DATE = "落款只有机关名称「{agency}」，没有成文日期，请在基本信息中填写成文日期"
DOCX_AGENCY_TOO_LONG = "机关名称过长（{chars} 个字），只导入了前 {limit} 个字，请在基本信息中核对"
DOCX_YEAR_OUT_OF_RANGE = "文档中的年份 {year} 不在 {first}–{last} 年之间，未采用"
DOCX_BAD_DATE = "落款日期「{text}」不是有效日期，成文日期未导入，请在基本信息中填写"
DOCX_DATE_BLANK = "落款日期是空白的「{text}」（留待手写），成文日期未导入，请在基本信息中填写"
DOCX_DATE_NO_DAY = "落款日期「{text}」没有写到日，成文日期未导入，请在基本信息中填写"
DOCX_DATE_SHAPE = "落款日期「{text}」按 {date} 读取"
DOCX_AGENCY_SPACED = "落款中的机关名称「{text}」字间有空格（为排版对齐），按「{name}」读取"
DOCX_AFTER_SIGNATURE = "落款之后的文字不属于正文，未导入：「{text}」"
DOCX_CONTENTS_LIST = "文档开头有目录（{count} 个标题连排，中间没有正文），目录未作为正文读取"
DOCX_SECOND_REPORT = (
    "文档中还有另一份报告（从「{text}」起，含 {tables} 个表格），未导入：只导入了第一份报告；"
    "如需导入另一份，请把它另存为单独的文件"
)
DOCX_KIND_GOVERNMENT = (
    "机关名称「{agency}」是{what}，按本级政府年度报告导入（公布期限为次年{deadline}）；"
    "如为部门年度报告，请在基本信息中修改"
)
DOCX_KIND_DEPARTMENT = (
    "按部门年度报告导入（公布期限为次年{deadline}）；如为本级人民政府的年度报告，请在基本信息中修改"
)
DOCX_FORMAT_BY_LABELS = "按表格标签识别为{name}（{issued_by}）"
DOCX_FORMAT_BY_YEAR = "表格标签不足以识别报告格式，按报告年度 {year} 年采用{name}"
DOCX_FORMAT_YEAR_MISMATCH = (
    "文档使用的是{name}，而 {year} 年度报告应使用{expected}；已按文档实际格式导入，校验时会提示"
)
DOCX_HEADING_NUMBER = "第{section}部分的标题写作「{text}」，按「{heading}」读取"
DOCX_HEADING_FUZZY = "标题「{text}」与官方标题「{heading}」略有出入，按第{section}部分读取"
DOCX_SECTION_MISSING = "没有找到「{heading}」部分"
DOCX_JOINT_SIGNATURE = (
    "落款中有两个机关「{first}」「{second}」（联合署名？），机关名称按「{chosen}」导入，请核对"
)
DOCX_LAYOUT_SIDE = "文档用表格排版，报告旁边栏目中的文字不属于报告，未导入：「{text}」"
DOCX_BEFORE_TITLE = "标题之前的文字不属于报告，未导入：「{text}」"
DOCX_PREAMBLE = "标题与「{heading}」之间的导语（{chars} 字）已并入第一部分，请核对"
DOCX_TABLE_UNKNOWN = "{where}不是年度报告的官方表格，已跳过（首格为「{first}」）"
DOCX_TABLE_BLANK = "{where}是空白的（没有任何文字），已跳过"
DOCX_TABLE_MISSING = "没有找到「{heading}」的表格，该部分数据均未导入"
DOCX_CELLS_MISSING = "「{heading}」中有 {count} 个单元格在文档中没有找到，按未填写导入：{cells}"
DOCX_BLANK_CELLS = "「{heading}」中有 {count} 个单元格为空白，按未填写导入（如实际为 0，请补填 0）"
DOCX_MARK_CELLS = "「{heading}」中有 {count} 个单元格填写的是「-」「/」「无」等符号，按未填写导入（如实际为 0，请补填 0）"
DOCX_LABEL_FUZZY = "表格中的「{text}」与官方标签「{label}」不一致（疑为笔误），按「{label}」读取"
DOCX_EXTRA_ROW = "「{heading}」中的「{label}」不是官方表格中的行，已跳过（其中的数字：{values}）"
DOCX_DUPLICATE_ROWS = "「{heading}」的{where}中有 {count} 行印了不止一次：{rows}"
TABLE_REPEATED_ROWS = "{where}中重复的行"
BLANK_SHOWN = "空白"
DOCX_PRINTED_TWICE_SAME = "「{heading}」的数字在文档中印了不止一次（{where}），各处一致，按一份导入"
DOCX_PRINTED_TWICE_DIFFER = (
    "「{heading}」的数字在文档中印了不止一次（{where}），有 {count} 个单元格不同：{cells}。{chosen}"
    "请核对哪一处是本年度的数字"
)
DOCX_PRINTED_TAKE_FIRST = "已按先印出的{where}导入（该处空白的取另一处），"
DOCX_PRINTED_TAKE_OTHER = "已按{where}导入（{other}上方注明「{caption}」，不像本年度的表格），"
DOCX_BAD_VALUE = "{cell}：「{text}」无法读取（{reason}），按未填写导入"
DOCX_SUFFIX_STRIPPED = "{cell}：「{text}」按 {value} 读取（去掉了单位「{suffix}」）"
DOCX_MONEY_UNIT = "{cell}：「{text}」按 {value}{unit} 读取"
DOCX_MONEY_NO_UNIT = "{cell}：「{text}」未注明金额单位，按「{unit}」读取"
DOCX_MONEY_CONVERTED = "{cell}：「{text}」已换算为 {value}{unit}"
DOCX_MONEY_CONVERTED_ROUNDED = (
    "{cell}：「{text}」已换算为 {value}{unit}（换算后超过 {decimals} 位小数，已四舍五入）"
)
DOCX_MONEY_ROUNDED = "{cell}：「{text}」超过 {decimals} 位小数，已四舍五入为 {value}{unit}"
DOCX_TOTAL_DIFFERS = (
    "{cell}：文档中印的是 {printed}，按各项相加应为 {computed}；已保留印出的数字，"
    "校验时作为错误提示，直到核对改正各项或采用计算结果"
)
DOCX_TOTAL_BUT_BLANK = (
    "{cell}：文档中印的是 {printed}，但各项均未填写；各项按未填写导入，"
    "印出的合计已保留，校验时作为错误提示"
)
DOCX_TOTALS_BLANK = (
    "「{heading}」中有 {count} 个合计印为空白，而其各项已填写；已保留为空白，"
    "校验时作为错误提示，直到采用计算结果"
)
DOCX_TOTAL_UNREADABLE = "{cell}：合计印为「{text}」，无法读取（{reason}），未保留；合计由程序计算"
DOCX_TEXT_FROM_TABLE_SECTION = "「{heading}」部分表格之外的文字未导入：「{text}」"
DOCX_TABLE_CONTINUED = "{where}没有表头，按「{heading}」上一个表格的续表读取"
CONTROLS_DROPPED = "{where}中有不是文字的控制字符（{chars}），无法显示或打印，已删除"
AGENCY_WHERE = "机关名称"
TEXT_WHERE = "「{heading}」的文字"
DOCX_TEXT_LINES_CUT = "「{heading}」的文字有 {lines} 段，超过上限 {limit} 段，只导入了前 {limit} 段"
DOCX_TEXT_CUT = "「{heading}」的文字有 {chars} 个字，超过上限 {limit} 个字，只导入了前 {limit} 个字"

# ---- what the Word front end read (importers/docx_walker.py) ---------------------------------
DOCX_REVISIONS = "文档中有尚未接受的修订（修订标记），已按接受全部修订后的内容（Word 中的“最终状态”）导入，请核对"
# What the Word front end set aside, or read but wants checked, by place: one note per
# paragraph or table cell, 「{place}：{items}，请核对」.
DOCX_PLACE_NOTE = "{place}：{items}，请核对"
DOCX_PLACE_PARAGRAPH = "正文「{quote}」一段"
DOCX_PLACE_BLANK_PARAGRAPH = "正文中的一个空段落"
DOCX_PLACE_BODY = "正文中"
DOCX_PLACE_CELL = "{where}第 {row} 行第 {col} 列"
DOCX_PLACE_CELL_LABEL = "{where}第 {row} 行（「{label}」）第 {col} 列"
DOCX_PLACES_MORE = "另有 {count} 处段落或单元格中有类似情况，未逐一列出，请核对"
DOCX_ITEMS_MORE = "等 {count} 处"
DOCX_FOUND_SUPERSCRIPT = "上标「{text}」未计入（上标、下标是注释标记，不是数字或文字的一部分）"
DOCX_FOUND_SUBSCRIPT = "下标「{text}」未计入（上标、下标是注释标记，不是数字或文字的一部分）"
DOCX_FOUND_FOOTNOTE = "脚注标记{text}未计入"
DOCX_FOUND_ENDNOTE = "尾注标记{text}未计入"
DOCX_FOUND_MARK_CHARS = "紧挨数字的「{text}」是上标或带圈的标记，未计入数字"
DOCX_FOUND_STRUCK = "带删除线的「{text}」按已删除处理，未导入"
DOCX_FOUND_HIDDEN = "设置为“隐藏”（不显示也不打印）的「{text}」未导入"
DOCX_FOUND_SYMBOL = "一个符号（字体「{font}」，编码 {code}）无法识别为文字，未导入"
DOCX_FOUND_MERGED_AWAY = "被上方单元格合并的格中还有「{text}」，Word 不显示，未导入"
DOCX_FOUND_PLACEHOLDER_FLAG = "内容控件标记为“显示提示语”，但其中是「{text}」，已按显示的内容读取"
DOCX_FOUND_RTL = "设置为从右向左排列的「{text}」按 Word 显示的顺序读作「{shown}」"
DOCX_FOUND_OPEN_FIELD = "一个域没有结束，其后的「{text}」按域代码处理，未导入"
DOCX_FOUND_DATE_FIELD = (
    "「{text}」是 {field} 域（{meaning}），{when}；已按文件中保存的结果读取，请核对成文日期"
)
# Fields whose result is a date Word computes: (what it shows, when Word changes it).
DOCX_FIELD_MEANINGS = {
    "DATE": ("当前日期", "Word 打开或打印文档时会把它更新为当天的日期"),
    "TIME": ("当前时间", "Word 打开或打印文档时会把它更新为当天的日期"),
    "PRINTDATE": ("上次打印的日期", "Word 打印时会把它更新为当天的日期"),
    "SAVEDATE": ("上次保存的日期", "Word 保存时会把它更新为当天的日期"),
    "CREATEDATE": ("文档的创建日期", "不是录入的文字，Word 更新域时会改为文档属性中的创建日期"),
}
DOCX_VALUE_MERGED = (
    "{place}是上下 {rows} 行合并的一格「{text}」：只作为第 {row} 行的数字读取，"
    "其下 {below} 行的这一格按空白读取，请核对"
)
DOCX_TEXTBOX_TEXT = "文档中有 {count} 个文本框，其中的文字不属于正文，未导入：「{text}」"
TOO_DEEP = "文件「{name}」的内容嵌套超过 {limit} 层，不像是年度报告，已拒绝导入"
TOO_MANY_TABLES = "文件「{name}」中的表格超过 {limit} 个，不像是年度报告，已拒绝导入"

# ---- tables of any published report (importers/published/document.py) ------------------------
TABLE_WHERE = "文档中第 {index} 个表格"
TABLE_LABEL = "第 {index} 个表格"
TABLES_LABEL = "第 {first}–{last} 个表格"
TABLE_IN_DOCUMENT = "文档中{label}"
TABLE_NESTED_WHERE = "{where}单元格中的表格"
TABLE_SPAN_CLIPPED = "{where}有 {count} 处合并或缩进的列数超出表格的宽度（{cols} 列），已按表格宽度读取，请核对该表的数字"
TABLE_CELLS_DROPPED = "{where}有 {count} 个单元格超出 {limit} 列，未导入"
TABLE_ROWS_DROPPED = "{where}超过 {limit} 行，其后的 {count} 行未导入"

# ---- published web pages and PDFs (importers/html.py, importers/pdf.py, importers/doc.py) -------
UNSUPPORTED_TYPE = (
    "文件「{name}」不是本程序能读取的报告文件；能读取的有：年报草稿（.nianbao）、"
    "Excel 工作簿（.xlsx / .xlsm）、Word 文档（.docx，旧版 .doc）、网页（.html / .htm）和 PDF（.pdf）"
)
HTML_TOO_LARGE = "网页「{name}」超过 {mb} MB，不像是一份年度报告，已拒绝导入"
HTML_BROKEN = "文件「{name}」不是可以读取的网页，无法导入"
HTML_ENCODING_GUESSED = "网页没有声明文字编码，按检测结果「{encoding}」读取，请核对文字是否有乱码"
HTML_ENCODING_UNKNOWN = (
    "网页声明的文字编码「{declared}」无法识别，按检测结果「{encoding}」读取，请核对文字是否有乱码"
)
HTML_FOUND_RTL = "设置为从右向左排列的「{text}」按浏览器显示的顺序读作「{shown}」"
HTML_FOUND_RUBY = "注音（ruby）「{text}」未计入（注音不是数字或文字的一部分）"
HTML_FOUND_GENERATED = "网页样式表在此处显示的「{text}」不在网页文字中，已按显示的内容读入"
HTML_CSS_UNREAD = "网页样式表中有 {count} 条隐藏或添加文字的规则无法解读，其作用的内容按原文读取，请与浏览器中显示的核对"
HTML_CSS_MISSING = (
    "网页引用的样式表{names}{more}不在网页所在的文件夹中，未读取；如其中有隐藏内容的规则，"
    "被隐藏的文字可能被读入，请与浏览器中显示的核对"
)
HTML_CSS_TOO_LONG = "网页的样式表超过 {limit} 个字符，只读取了前 {limit} 个字符；其后规则隐藏的文字可能被读入，请与浏览器中显示的核对"
HTML_CSS_CONTENT_UNSURE = (
    "网页样式表用计数器或引号在文字前后添加了内容，这些内容未读入，请与浏览器中显示的核对"
)
HTML_TOO_MANY_ELEMENTS = (
    "网页「{name}」有 {count} 个以上的元素，超过上限 {limit} 个，不像是一份年度报告，已拒绝导入"
)
HTML_TOO_DEEP = "网页「{name}」的元素嵌套超过 {limit} 层，之后的内容无法读取，已拒绝导入"
HTML_PARSER_LIMIT = "网页「{name}」中有一段内容过长（一段文字或一个属性超过约 10 MB），网页解析器读到此处停止，之后的内容无法读取，已拒绝导入"
HTML_TOO_SLOW = "网页「{name}」读取超过 {seconds} 秒仍未完成，不像是一份普通的年度报告，已停止导入"
HTML_ENCODING_MISMATCH = (
    "网页声明的文字编码「{declared}」与内容不符，按「{encoding}」读取，请核对文字是否有乱码"
)
HTML_ENCODING_REPLACED = (
    "网页中有 {count} 处字节不是「{encoding}」编码的文字，显示为「\ufffd」，请核对"
)
HTML_LAYOUT_TABLES = "网页用表格排版（{count} 个表格中套有表格），已按其中的正文和表格读取"
PDF_NOT_PDF = "文件「{name}」不是 PDF 文件，无法导入"
PDF_BROKEN = "PDF 文件「{name}」已损坏，无法读取"
PDF_ENCRYPTED = "PDF 文件「{name}」设置了打开密码，无法读取；请取消密码后再导入"
PDF_TOO_MANY_PAGES = (
    "PDF 文件「{name}」有 {pages} 页，超过上限 {limit} 页，不像是一份年度报告，已拒绝导入"
)
PDF_NO_TEXT = (
    "PDF 文件「{name}」中没有文字（可能是扫描件或图片），本程序不做文字识别，无法导入；"
    "请找到报告的网页版或 Word 版，或在 WPS/Word 中把文字录入后导入"
)
PDF_TOO_SLOW = (
    "PDF 文件「{name}」读取超过 {seconds} 秒仍未完成，不像是一份普通的年度报告，已停止导入"
)
PDF_ACTIVE_CONTENT = "PDF 中的脚本、表单或附件未读取（只读取页面上印出的文字和表格）"
PDF_OCR_ONLY = (
    "PDF 文件「{name}」是扫描件，其中的文字是文字识别（OCR）生成的、看不见的一层，可能有识别错误，本程序不读取；"
    "请找到报告的网页版或 Word 版后导入"
)
PDF_PAGE_TOO_BUSY = "PDF 第 {page} 页的{what}超过 {limit} 个，不像是一份年度报告，已拒绝导入"
PDF_STREAM_TOO_LARGE = (
    "PDF 文件「{name}」中有一段内容解压后超过 {mb} MB，可能是恶意文件，已拒绝导入"
)
PDF_CMAP_TOO_LARGE = (
    "PDF 文件「{name}」中一个字体的字符映射超过 {limit} 项，可能是恶意文件，已拒绝导入"
)
PDF_TOO_MUCH_MEMORY = (
    "PDF 文件「{name}」读取时需要的内存超过 {mb} MB，不像是一份普通的年度报告，已停止导入"
)
PDF_READER_FAILED = (
    "PDF 文件「{name}」读取时读取程序意外退出，可能文件已损坏或是恶意文件，已停止导入"
)
PDF_ROTATED = "第 {pages} 页设置了旋转，已按文字的方向读取"
PDF_PLACE_LINE = "第 {page} 页「{line}」一行"
PDF_PLACE_PAGE = "第 {page} 页"
PDF_FOUND_INVISIBLE = "设置为不显示的文字「{text}」未导入"
PDF_FOUND_LAYER = "隐藏图层中的文字「{text}」未导入"
PDF_FOUND_CLIPPED = "被裁剪在显示范围之外的文字「{text}」未导入"
PDF_FOUND_OFF_PAGE = "在页面之外的文字「{text}」未导入"
PDF_FOUND_TINY = "小到看不见的文字「{text}」未导入"
PDF_FOUND_SAME_COLOUR = "与底色相同、看不见的文字「{text}」未导入"
PDF_FOUND_COVERED = "被后画的色块或图片盖住的文字「{text}」未导入"
PDF_FOUND_ANNOTATION = "页面上有一个批注（{kind}）盖在这里{shows}，批注不属于报告，未导入"
PDF_ANNOTATION_SHOWS = "，显示「{text}」"
PDF_TABLE_WHERE = "第 {page} 页第 {index} 个表格"
PDF_TABLE_FROM_WORDS = "第 {page} 页的表格没有框线，已按文字位置读取，请核对该表的数字"
DOC_CONVERTED = "旧版 Word 文档（.doc）已用 LibreOffice 转换为 .docx 后导入，请核对"
DOC_IS_DOCX = "文件名是 .doc，但文件实际是 Word 文档（.docx），已按 .docx 读取"
DOC_IS_HTML = (
    "文件名是 .doc，但文件实际是网页（HTML），已按网页读取（不加载网页引用的任何外部内容）"
)
DOC_NOT_WORD = "文件「{name}」的文件名是 .doc，但内容不是 Word 文档，无法导入"
DOC_CONVERTED_TOO_LARGE = (
    "旧版 Word 文档「{name}」转换后超过 {mb} MB，不像是一份年度报告，已拒绝导入"
)
DOC_NO_OFFICE = (
    "文件「{name}」是旧版 Word 文档（.doc），本机没有安装 LibreOffice，无法直接读取；"
    "请在 Word 或 WPS 中打开它，选择“另存为”，保存类型选“Word 文档（*.docx）”，再导入 .docx 文件"
)
DOC_CONVERT_FAILED = (
    "旧版 Word 文档「{name}」无法用 LibreOffice 转换（{reason}）；"
    "请在 Word 或 WPS 中打开它，另存为“Word 文档（*.docx）”后再导入"
)
DOCX_GROUP_AS_ITEMS = (
    "「{heading}」中「{group}」只印了一行，且数字均为 0，其下各项（{items}）均按 0 导入"
)
DOCX_GROUP_NOT_SPLIT = "「{heading}」中「{group}」只印了一行（其中的数字：{values}），无法分到其下各项，各项按未填写导入，请按实际情况填写"
DOCX_ROW_MISALIGNED = "「{heading}」中「{label}」一行的单元格与表头错位（可能是上方合并单元格跨了过多的行），该行数字未导入，请核对后填写"
