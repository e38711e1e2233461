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
