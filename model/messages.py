"""Every Chinese sentence the model shows a user, in one place for translation.

Official labels are not here: they live in the format specs, untranslated.
"""

# ---- typed values ------------------------------------------------------------------
NOT_A_NUMBER = "「{text}」不是数字，请填写阿拉伯数字（如 12）"
NOT_ONE_NUMBER = "「{text}」分成了几行（或几格），不是一个数字"
NOT_WHOLE = "「{text}」不是整数：件数只能填写整数"
NOT_PLAIN_DIGIT = (
    "「{text}」中的「{chars}」不是普通数字（上标、下标、带圈或带括号的数字，多是脚注标记），"
    "请只填写阿拉伯数字"
)
AMBIGUOUS_POINT = (
    "「{text}」可能是 {small}，也可能是 {large}（有的表格用“.”分隔千位），"
    "请直接填写 {small} 或 {large}"
)
NEGATIVE_COUNT = "件数不能为负数（只有“本年增/减”可以填写负数，如 -8）"
NEGATIVE_AMOUNT = "金额不能为负数"
TOO_MANY_DECIMALS = "金额最多保留 {decimals} 位小数"
BAD_SEPARATOR = (
    "「{text}」中数字之间的分隔符（逗号、空格、顿号、撇号或下划线）不在千分位上"
    "（千分位应每三位一个，如 1,234），无法确定是一个数还是几个数，请核对后重填"
)
COUNT_TOO_LARGE = "「{text}」超出件数的上限（最多 {limit}），请核对"
MONEY_TOO_LARGE = "「{text}」超出金额的上限（最多 {limit}），请核对金额和单位"
MONEY_TOO_MANY_DIGITS = "「{text}」的数字太多：金额的整数和小数合计最多 {digits} 位"
YEAR_OUT_OF_RANGE = "报告年度「{year}」不在 {first}–{last} 年之间"
AGENCY_TOO_LONG = "机关名称过长（{chars} 个字），最多 {limit} 个字"
PRINTED_NOT_A_TOTAL = "单元格「{cell}」不是合计，不能记录印出的合计数"
TEXT_TOO_MANY_LINES = "{section}部分的文字分成了 {lines} 行（段），最多 {limit} 行"
TEXT_TOO_LONG = "{section}部分的文字过长（{chars} 个字），最多 {limit} 个字"
TEXT_HAS_CONTROLS = (
    "{where}中有不是文字的控制字符（{chars}），无法显示、打印或保存；请删除后再输入"
    "（多见于从其他程序复制来的文字）"
)
CONTROL_CHARS_MORE = " 等"
AGENCY_FIELD = "机关名称"
TEXT_SECTION_WHERE = "{section}部分的文字"
COMPUTED_CELL = "合计单元格由程序自动计算，不能直接填写"
UNKNOWN_CELL = "报告格式中没有单元格「{cell}」"
UNKNOWN_UNIT = "金额单位只能是{units}"

# ---- report kinds ------------------------------------------------------------------
KIND_NAMES = {"department": "部门", "government": "本级政府"}

# ---- draft files (.nianbao) ----------------------------------------------------------
DRAFT_NOT_FOUND = "找不到草稿文件「{name}」"
DRAFT_CANNOT_READ = "无法读取草稿文件「{name}」：{reason}"
DRAFT_TOO_LARGE = "文件「{name}」超过 {mb} MB，不是年报草稿文件，已拒绝打开"
DRAFT_CORRUPT = "文件「{name}」不是年报草稿文件或文件已损坏，无法打开"
DRAFT_FOREIGN = "文件「{name}」是其他程序保存的 JSON 文件，不是年报草稿文件，无法打开"
DRAFT_NEWER = (
    "该草稿由更新版本的年报填报助手保存（格式版本 {schema}），请升级程序后再打开（文件「{name}」）"
)
DRAFT_BAD_SCHEMA = "文件「{name}」的草稿格式版本「{schema}」无法识别，无法打开"
DRAFT_INVALID = "草稿文件「{name}」内容有误，无法打开：{reason}"
DRAFT_MISSING_KEY = "缺少“{key}”项"
DRAFT_WRONG_TYPE = "“{key}”项的内容类型不对"
DRAFT_UNKNOWN_FORMAT = "报告格式“{format_id}”无法识别（本程序支持：{known}）"
DRAFT_UNKNOWN_KIND = "报告类型“{kind}”无法识别（只能是 department 或 government）"
DRAFT_BAD_DATE = "成文日期“{date}”不是有效日期（应为 2021-01-08 这样的写法）"
DRAFT_UNKNOWN_CELLS = "{where}中有报告格式里不存在的单元格：{cells}"
DRAFT_BAD_VALUE = "{where}单元格「{cell}」的值“{value}”无效：{reason}"
DRAFT_BAD_UNIT = "单元格「{cell}」的金额单位“{unit}”无效：{reason}"
DRAFT_UNKNOWN_TEXT = "草稿中有报告格式里不存在的文字部分：{sections}"
DRAFT_WHERE_VALUES = "本年数据"
DRAFT_WHERE_PREVIOUS = "上年数据"
DRAFT_BAD_EXTRA = "附加信息“{key}”的内容无法保存（只能是文字、数字、日期或它们的组合）"
DRAFT_BAD_EXTRA_VALUE = "附加信息“{key}”无效：{reason}"
DRAFT_SAVE_FAILED = "无法保存草稿「{name}」：{reason}。原文件未被改动"
DRAFT_SAVE_FAILED_NEW = "无法保存草稿「{name}」：{reason}"  # there was no file to keep
TEMP_FILE_FAILED = "无法在该文件夹中创建临时文件"
DRAFT_SAVE_TOO_LARGE = "草稿内容超过 {mb} MB，保存后将无法再打开"
DRAFT_SAVE_NO_PERMISSION = "没有写入该文件夹的权限，请换一个文件夹（如“文档”）保存"
DRAFT_SAVE_DISK_FULL = "磁盘空间已满，请清理磁盘或换一个位置保存"
DRAFT_SAVE_READ_ONLY = "该位置是只读的（如光盘或写保护的U盘），请换一个位置保存"
DRAFT_SAVE_OVER_OTHER = (
    "那里已有一个不是年报草稿的文件（如 Word、Excel 文件），不会用草稿覆盖它；"
    "请换一个以 .nianbao 结尾的文件名"
)
DRAFT_SAVE_NO_FOLDER = "文件夹“{folder}”不存在"

# ---- validation (model/rules.py) -----------------------------------------------------
BASIC_INFO = "基本信息"
RULE_R1 = "{heading}：“{col}”列{left_name}（{left}）不等于{right_name}（{right}）"
RULE_R5 = "{heading}：{cell}的值「{value}」无效：{reason}"
RULE_R6 = "{heading}：有 {count} 个单元格未填写（没有数据的请填 0）"
RULE_R7 = "{heading}：{cell}（{value}）与上一年度（{year}年）报告的“{source}”（{previous}）不一致"
RULE_R8 = (
    "{heading}：{row}上年“{stock}”（{prev}）加“{added}”（{added_value}）减“{removed}”"
    "（{removed_value}）应为 {expected}，但本年“{stock}”为 {value}；如因修订等原因不一致，请核实"
)
RULE_R9 = "{heading}：{row}的“{small}”（{small_value}）大于“{large}”（{large_value}），请核实"
RULE_R10 = (
    "{heading}：正文写明{what}为 {quoted} 件，与“{table_heading}”表中的数字（{actual}）不一致"
)
RULE_R11 = (
    "{heading}：“{name}”共 {count} 件，占“{total_name}”（{total}）的 {percent}%；"
    "该项仅用于极少数特殊情况，请核实是否应归入其他办理结果"
)
RULE_R12 = "{year}年度报告应使用《{right_name}》（{right_doc}），当前使用的是《{name}》（{doc}）"
RULE_R12_NO_FORMAT = (
    "报告年度（{year}年）没有适用的年度报告格式：年度报告格式自{first}年度起施行，请核对报告年度"
)
RULE_R13_EMPTY = "{heading}：内容为空，请填写（确无内容的，也应写明）"
RULE_R13_AGENCY = "未填写机关名称"
RULE_R13_DATE = "未填写成文日期"
RULE_R13_YEAR_PENDING = (
    "报告年度 {year} 年是导入时推定的（文档标题中没有年份），尚未确认：请核对后在“基本信息”中"
    "点“确认年度”，或改为正确的年度"
)
RULE_R13_DATE_YEAR = "成文日期（{date}）不在报告年度的次年（{year}年）内，请核对"
RULE_R13_FEE = "{heading}：未说明信息处理费收取情况（如“本年度未收取信息处理费”）"
RULE_R14_DEADLINE = "本报告应于{deadline}前公布"
RULE_R14_LATE_DATE = "成文日期（{date}）晚于公布期限（{deadline}），请核对"
RULE_R14_SOON = "距公布期限（{deadline}）还有 {days} 天，请及时公布"
RULE_R14_TODAY = "今天是公布期限（{deadline}）的最后一天，请及时公布"
RULE_R14_PAST = "已过公布期限（{deadline}），且尚未填写成文日期"
RULE_R15 = (
    "{heading}：与上一年度报告的本节内容相似度为 {percent}%（内容雷同），请结合本年度实际撰写"
)
RULE_R16 = "{heading}：{name}印为 {printed}，各项之和为 {computed}；请核对改正各项，或采用计算结果"
RULE_R16_PARTS_BLANK = (
    "{heading}：{name}印为 {printed}，而各项均未填写；请填写各项（没有数据的填 0），或采用计算结果"
)
# A cell whose printed total the report keeps (R16), in its tooltip in the window
PRINTED_TIP = "文档中此合计印为 {printed}，各项之和为 {computed}：印出的数{direction} {difference}。表中显示各项之和"
PRINTED_TIP_MORE = "多"
PRINTED_TIP_LESS = "少"
PRINTED_TIP_BLANK = "文档中此合计印为空白，各项之和为 {computed}。表中显示各项之和"
PRINTED_TIP_PARTS_BLANK = "文档中此合计印为 {printed}，而各项均未填写"
RULE_R16_BLANK_ONE = "{heading}：{name}印为空白，各项之和为 {computed}；请采用计算结果"
RULE_R16_BLANK = (
    "{heading}：有 {count} 个合计印为空白，而各项已填写（如{name}，各项之和为 {computed}）；"
    "请采用计算结果"
)
DATE_FORMAT = "{year}年{month}月{day}日"
RULE_R13_HEADINGS_ONLY = (
    "{heading}：只有小标题（{titles}），小标题下还没有内容，请填写（确无内容的，也应写明）"
)
RULE_R17 = (
    "{heading}：“{sentence}”写的是{found}，而本报告是{year}年度的报告；请核对是否沿用了往年的文字"
)
RULE_R17_LATER = "{heading}：“{sentence}”写的是{found}，晚于本报告的{year}年度；请核对年份是否写错"
RULE_R17_LATER_PLANS = (
    "{heading}：“{sentence}”写的是{found}；本报告是{year}年度的报告，下一步打算一般写到{next}年，"
    "请核对年份是否写错"
)
RULE_R17_MIXED = "{heading}：“{sentence}”写的是{found}，而本报告是{year}年度的报告；请核对年份"
YEAR_WORD = "{year}年"

# ---- roll-up (汇总) ------------------------------------------------------------------
AGG_SUMMARY_LINE = "{included} 份报告已汇总，{refused} 个文件未纳入。"
AGG_SUMMARY_LINE_OVER = "{included} 份报告参与相加（汇总未完成），{refused} 个文件未纳入。"
AGG_MISSING = "文件不存在"
AGG_UNSUPPORTED = "不是报告草稿（.nianbao），也不是 Excel（.xlsx）、Word（.docx/.doc）、网页（.html/.htm）或 PDF 报告"
AGG_UNREADABLE = "无法读取：{reason}"
AGG_UNEXPECTED = "文件内容损坏或格式不符（{error}）"
AGG_OTHER_YEAR = "未纳入：本报告为{year}年度，汇总的是{target}年度"
AGG_NOT_YEAR = "未纳入：本报告为{year}年度，汇总指定的是{target}年度"
AGG_OTHER_FORMAT = "未纳入：本报告使用{format}，汇总使用{target}"
AGG_FORMAT_NAME = "{id}年版格式（{issued_by}）"
AGG_NO_AGENCY = "未填写机关名称"
AGG_DUPLICATE_DROPPED = (
    "未纳入：与「{file}」是同一机关同一年度的报告，只计入一份"
    "（草稿优先于 Excel，Excel 优先于 Word；同类文件取最后修改的一份）"
)
AGG_DUPLICATE_KEPT = "同一机关同一年度另有「{files}」，只计入本文件"
AGG_SKIP_SUMMARY = "未纳入：这是一份汇总报告（由 {n} 份报告汇总而成），汇总不再计入汇总报告"
AGG_SKIP_SUMMARY_NAME = (
    "未纳入：机关名称与本次汇总的名称「{name}」相同，视为以前导出的汇总结果；"
    "如确是需要计入的报告，请换一个汇总机关名称"
)
AGG_SKIP_SUMMARY_XLSX = "未纳入：这是本程序导出的汇总表，不是报告"
AGG_SKIP_SUMMARY_UNLISTED = "未纳入：这是一份汇总报告，汇总不再计入汇总报告"
AGG_SKIP_GOVERNMENT = (
    "未纳入：本级政府的报告。本级政府的年报就是各部门报告的汇总，与部门报告一起相加会重复计算"
    "（它多半是以前汇总后导出的文件）；确需计入（如乡镇、街道的报告）时勾选“计入本级政府报告”"
    "（命令行加 --include-government）"
)
AGG_GOVERNMENT_INCLUDED = "本级政府的报告：按要求与部门报告一起计入"
AGG_GOVERNMENT_ONLY = "本级政府的报告：本次汇总的都是本级政府的报告，已计入"
AGG_OVER_LIMIT_HEAD = (
    "汇总未完成，未保存任何文件：有 {n} 个单元格各报告相加后超出本程序能保存的上限。"
    "请核对下列报告中的数字（常见原因是多填了位数或金额单位选错）。"
)
AGG_OVER_LIMIT = (
    "{table}，{cell}：各报告之和为 {total}，超出上限（{limit}）。数字最大的报告：{largest}"
)
AGG_OVER_LIMIT_SOURCE = "{agency}「{file}」{value}"
AGG_OVER_LIMIT_MORE = "等 {n} 份"
AGG_LIMIT_COUNT = "最多 {limit} 件"
AGG_LIMIT_MONEY = "最多 {limit} {unit}"
AGG_LIMIT_DIGITS = "金额最多 {digits} 位数字（含小数）"
AGG_SKIP_OUTPUT = "未读取：本次汇总的输出文件"
AGG_SKIP_SAME_FILE = "未读取：与「{file}」是同一个文件（经由链接）"
AGG_SKIP_SAME_FOLDER = "未读取：与「{folder}」是同一个文件夹（经由链接），其中的文件已按那里列出"
AGG_SKIP_LOOP = "未读取：文件夹链接指向它所在的上级文件夹「{target}」（链接循环）"
AGG_SKIP_BROKEN_LINK = "未读取：链接指向的文件不存在"
AGG_SKIP_FOLDER = "未读取：无法打开文件夹（{reason}）"
AGG_SKIP_LOCK = "未读取：Office 或 WPS 正在编辑文档时产生的临时文件"
AGG_SKIP_BACKUP = "未读取：草稿的备份（上一次保存的版本）"
AGG_SKIP_HIDDEN = "未读取：隐藏文件"
REVIEW_UNREADABLE = "无法读取：{reason}"
AGG_SKIP_TYPE = (
    "未读取：{suffix} 文件不是本程序能读取的报告（能读取 {known}；"
    "WPS 的 .wps 文档、旧版 Excel 的 .xls 工作簿请先另存为 .docx 或 .xlsx）"
)
AGG_NO_SUFFIX = "无扩展名的"
AGG_NO_PERMISSION = "没有权限"
AGG_YES = "是"
AGG_NO = "否"
AGG_LATE_UNKNOWN = "未知（未填成文日期）"
DRAFT_READ_NO_PERMISSION = "没有读取该文件的权限"
DRAFT_READ_IS_FOLDER = "这是一个文件夹，不是草稿文件"

# ---- carry-over and format conversion ------------------------------------------------
CARRY_NOT_LATER = "新报告的年度（{year}年）应晚于上一年度报告的年度（{previous}年）"
PREVIOUS_WRONG_YEAR = "所选报告是{previous}年度的，本报告是{year}年度：上年报告应为{expected}年度。"
PREVIOUS_DETACHED = (
    "原附带的{previous}年度报告不是{year}年度的上一年度，已解除关联：上年结转、现行有效件数和"
    "正文雷同不再与它核对。撤销可恢复；需要核对时，请载入{expected}年度的报告。"
)
PREVIOUS_DETACHED_CARRIED = (
    "\n请核对：“{row}”一行仍是{cells}——这些数字是从{previous}年度报告结转来的（或按它填写的），"
    "本报告应填{expected}年度报告“{source}”一行的数字。程序没有改动它们，也不能再与上年报告核对。"
)
PREVIOUS_CARRIED_CELL = "{col} {value}"
RULE_PREVIOUS_YEAR = (
    "附带的上年报告是{previous}年度的，不是{year}年度的上一年度：未与它核对上年结转、现行有效件数"
    "和正文雷同。请载入{expected}年度的报告（文件 → 载入上年报告）"
)
CONVERT_WRONG_YEAR = "{year}年度报告不能使用《{name}》（{doc}）"
CONVERT_NO_CELL = "{heading}：“{row}”行“{col}”列的 {value} 在新格式中没有对应栏目，未转换"
CONVERT_OTHER_KIND = "{heading}：“{row}”行“{col}”列的 {value} 在新格式中的数据类型不同，未转换"
CONVERT_REFUSED = "{heading}：“{row}”行“{col}”列的 {value} 不符合新格式的要求（{reason}），未转换"
CONVERT_UNIT = "{heading}：“{row}”行“{col}”列的 {value} 已换算为 {converted} {target}"
CONVERT_NO_PRINTED = (
    "{heading}：文档中印出的“{row}”行“{col}”列合计（{value}）在新格式中没有对应的合计，"
    "不再提示，请核对"
)
CONVERT_BLANK = "空白"
CONVERT_NO_TEXT = "“{heading}”部分的文字在新格式中没有对应部分，未转换"
AGG_PRINTED_TOTALS = "报告中有 {n} 个印出的合计与各项之和不符（R16），汇总按各项之和相加"
AGG_IMPORT_NOTES = "由{source}导入，有 {n} 条导入说明（在程序中打开该文件可查看）"
AGG_IMPORT_SOURCES = {
    ".xlsx": " Excel 表格",  # a space between a Chinese word and a Latin one
    ".docx": " Word 报告",
    ".doc": "旧版 Word 报告",
    ".html": "网页",
    ".htm": "网页",
    ".pdf": " PDF 报告",
}

# ---- year-on-year comparison ------------------------------------------------------------
COMPARE_NOT_IN_PREVIOUS = "上年的格式中没有此项"
COMPARE_TOTAL_OVER_BLANKS = "合计中有未填写的项，增减只反映已填写的项"
COMPARE_OTHER_FORMAT = (
    "上年报告使用的是{name}，本年使用的是{current}；两种格式都有的单元格才有可比数据"
)
COMPARE_PREVIOUS_MONEY_UNIT = "上年金额已换算为{unit}"
COMPARE_PRINTED = (
    "{which}文档中此合计印为 {printed}，各项之和为 {computed}，两者不符（R16），对比按各项之和"
)
COMPARE_WHICH_PREVIOUS = "上年"
COMPARE_WHICH_CURRENT = "本年"
COMPARE_PRINTED_BLANK = "空白"

# ---- 信息处理费 statement (section 六, 2021 format) ---------------------------------------
FEE_NONE = "本年度未收取信息处理费。"
FEE_SOME = "本年度共收取信息处理费{count}件，金额{amount}元。"
FEE_BAD_AMOUNT = "金额请填写数字，如 120 或 120.50"
FEE_BAD_COUNT = "件数请填写整数，如 3"

# ---- the folder check (model/review.py) -----------------------------------------------------
REVIEW_ON_TIME = "按期"
REVIEW_LATE = "逾期 {days} 天"
REVIEW_NO_DATE = "未写成文日期"
REVIEW_TEXT_CELL = "{heading}（正文）"
REVIEW_META_FIELDS = {
    "meta.agency": "基本信息 / 机关名称",
    "meta.date": "基本信息 / 成文日期",
    "meta.year": "基本信息 / 报告年度",
    "meta.kind": "基本信息 / 报告类型",
    "meta.format": "基本信息 / 报告格式",
}

# ---- the rules themselves: name, plain explanation and basis (model/rules_catalog.py) ----------
# One source for the README's rule table, the help page 「校验规则说明」 and the problems
# panel's tooltips. Code -> (name, what is checked, on what grounds).
RULE_INFO = {
    "R1": (
        "勾稽关系",
        "第三部分每一列：第一项加第二项之和，等于第三项加第四项之和",
        "官方格式第三部分表头的说明",
    ),
    "R2": (
        "第三部分的总计列",
        "每一行的“总计”等于自然人和各类法人或其他组织之和，由程序计算，不能填写",
        "官方格式第三部分",
    ),
    "R3": (
        "（七）总计",
        "“（七）总计”等于（一）至（六）各项之和，由程序计算，不能填写",
        "官方格式第三部分",
    ),
    "R4": (
        "第四部分的总计",
        "行政复议和两类行政诉讼的“总计”各等于结果维持、结果纠正、其他结果、尚未审结之和，由程序计算，不能填写",
        "官方格式第四部分",
    ),
    "R5": (
        "数字的类型",
        "件数为不小于 0 的整数（2019 年格式“本年增/减”可为负数）；金额不小于 0",
        "官方格式第二、三、四部分",
    ),
    "R6": (
        "不留空白",
        "每个单元格都要填写（没有数据的填 0）；每张表只报一条，注明空白个数，单元格逐个标色",
        "官方格式：没有数据的填 0",
    ),
    "R7": (
        "上年结转",
        "本年“上年结转”逐列等于上年“结转下年度继续办理”（需要上年报告）；附带的上年报告不是上一年度的，也在这里提示",
        "官方格式第三部分",
    ),
    "R8": (
        "现行有效件数",
        "2021 年格式：上年现行有效件数 + 本年制发 − 本年废止 = 本年现行有效件数（需要上年报告；因修订等原因可以不等）",
        "2021 年格式第二部分",
    ),
    "R9": (
        "新公开数量",
        "2019 年格式第二部分每一行：“本年新公开数量”不应大于“对外公开总数量”；大于时提醒核实",
        "2019 年格式第二部分",
    ),
    "R10": (
        "正文中的数字",
        "正文引用的数字（如“收到政府信息公开申请X件”）与第三部分表格一致",
        "正文与表格应当一致",
    ),
    "R11": (
        "其他处理的占比",
        "“（六）其他处理”只用于极少数特殊情况，占办理结果的比例过大时提示",
        "官方格式的填报说明",
    ),
    "R12": (
        "格式与年度",
        "2019、2020 年度用国办公开办函〔2019〕60号的格式，2021 年度起用国办公开办函〔2021〕30号的格式",
        "国办公开办函〔2021〕30号",
    ),
    "R13": (
        "必填内容",
        "一、五、六不为空（只有小标题、小标题下没有内容的也算空）；机关名称、成文日期已填；导入时推定的报告年度已确认；成文日期在报告年度的次年；"
        "2021 年格式的“六”说明信息处理费收取情况（提示）",
        "《条例》第五十条",
    ),
    "R14": (
        "公布期限",
        "部门次年 1 月 31 日前、本级政府次年 3 月 31 日前公布；临近或超过时警告",
        "《条例》第四十九条",
    ),
    "R15": (
        "内容雷同",
        "正文某一部分与上年报告的同一部分相似度 80% 以上",
        "国办公开办函〔2021〕30号：内容雷同应予纠正",
    ),
    "R16": (
        "印出的合计",
        "导入的报告中印出的合计与各项之和不符（包括各项已填而合计印为空白、各项空白而合计印有数字）："
        "报告保留印出的数字，逐个指出“印为多少、各项之和为多少”（印为空白的每张表合并为一条），直到改正各项或采用计算结果",
        "R2–R4 的合计关系",
    ),
    "R17": (
        "正文中的年份",
        "正文中说明统计期间的年份与报告年度不符：“一”的第一句、“X年1月1日至12月31日”“X年1月至12月”“X年1-12月”、"
        "“截至X年底”、“本年度（X年）”、以“X年，”开头的句子、“X年共……”；引出该句。早于报告年度的，提醒是否沿用了往年的文字；"
        "晚于报告年度的，提醒核对年份是否写错。“五”的下一步打算可以写下一年；法规文件的年份（“2019年修订的《条例》”、"
        "书名号中的年份）、与往年的比较（“较2024年”“与2024年相比”）和起始时间（“2019年以来”）不算",
        "统计期间为报告年度的 1 月 1 日至 12 月 31 日",
    ),
}
RULE_COMPUTED = "自动计算"
RULE_TABLE_HEAD = ("规则", "名称", "内容", "级别", "依据")
