"""Chinese notes of the web-page export (exporters/html.py)."""

BLANK_LEFT = "有 {count} 个单元格未填写，网页中留空（公开的报告不应有空白单元格，确实没有的请填 0）"
NO_DATE = "没有填写成文日期，网页落款中没有日期"
