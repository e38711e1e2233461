"""Chinese messages of the importers, in one place."""

CANNOT_OPEN = "无法打开文件「{name}」：{reason}"
TOO_LARGE = "文件「{name}」超过 {mb} MB，不像是一份年度报告，已拒绝导入"
ZIP_BOMB = "文件「{name}」的压缩内容异常（条目过多或解压后过大），可能是恶意文件，已拒绝导入"
XML_ENTITIES = "文件「{name}」含有不安全的 XML 实体声明，已拒绝导入"
NOT_OFFICE_FILE = "文件「{name}」不是有效的 Office 文档（.xlsx / .docx），无法导入"
BROKEN_FILE = "文件「{name}」已损坏，无法读取"
