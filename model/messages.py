"""Every Chinese sentence the model shows a user, in one place for translation.

Official labels are not here: they live in the format specs, untranslated.
"""

# ---- typed values ------------------------------------------------------------------
NOT_A_NUMBER = "「{text}」不是数字，请填写阿拉伯数字（如 12）"
NOT_WHOLE = "「{text}」不是整数：件数只能填写整数"
NEGATIVE_COUNT = "件数不能为负数（只有“本年增/减”可以填写负数，如 -8）"
NEGATIVE_AMOUNT = "金额不能为负数"
TOO_MANY_DECIMALS = "金额最多保留 {decimals} 位小数"
COMPUTED_CELL = "合计单元格由程序自动计算，不能直接填写"
UNKNOWN_CELL = "报告格式中没有单元格「{cell}」"
UNKNOWN_UNIT = "金额单位只能是{units}"

# ---- report kinds ------------------------------------------------------------------
KIND_NAMES = {"department": "部门", "government": "本级政府"}
