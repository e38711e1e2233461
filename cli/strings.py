"""Chinese text of the command line, in one place."""

USAGE = "main.py [FILE] [--screenshot OUT.png]\n       main.py 命令 [参数 ...]"
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

# ---- validate (校验) --------------------------------------------------------------------
VALIDATE_HELP = "校验报告草稿，列出错误、警告和提示"
VALIDATE_DESCRIPTION = (
    "按年度报告格式的规则校验一份报告草稿（.nianbao），先列错误，再列警告和提示。\n"
    "给出上一年度的报告（--previous）时，还核对“上年结转”与上年“结转下年度继续办理”、\n"
    "现行有效件数的衔接，以及正文是否与上年雷同。"
)
VALIDATE_EPILOG = (
    "示例：main.py validate 2023年报.nianbao --previous 2022年报.nianbao\n"
    "退出码：0 没有错误（可能有警告或提示）；1 有错误；2 无法读取文件或命令行有误。"
)
VALIDATE_HELP_FILE = "要校验的报告草稿（.nianbao）"
VALIDATE_HELP_JSON = "以 JSON 输出问题列表（每项含 severity、rule、cell、message），便于其他程序处理"
VALIDATE_HELP_PREVIOUS = "上一年度的报告草稿（.nianbao），用于核对上年结转和内容雷同"
VALIDATE_HEADER = "{agency}{year}年政府信息公开工作年度报告（格式：{format}）"
VALIDATE_LINE = "{severity} {rule} {message}"
VALIDATE_SUMMARY = "共 {errors} 个错误，{warnings} 个警告，{infos} 个提示"
VALIDATE_CLEAN = "未发现问题。"
VALIDATE_NO_AGENCY = "（未填写机关名称）"
VALIDATE_UNREADABLE = "无法校验：{reason}"
VALIDATE_PREVIOUS_UNREADABLE = "无法读取上一年度的报告：{reason}"
