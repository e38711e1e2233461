from exporters.font_check import OFFICIAL_FONTS, describe, font_warning, missing_fonts


def test_all_installed_means_no_warning():
    assert missing_fonts(OFFICIAL_FONTS) == []
    assert describe([]) == ""


def test_missing_fonts_named_with_substitute():
    missing = missing_fonts(["黑体", "仿宋_GB2312", "Noto Serif CJK SC"])
    assert [m.name for m in missing] == ["方正小标宋简体", "楷体_GB2312"]
    text = describe(missing)
    assert "方正小标宋简体、楷体_GB2312" in text
    assert "方正小标宋简体→宋体" in text


def test_aliases_count_as_installed():
    assert missing_fonts(["SimHei", "FangSong_GB2312", "KaiTi_GB2312", "FZXiaoBiaoSong-B05S"]) == []


def test_font_warning_on_this_machine_is_text():
    # The CI machine has Noto CJK but none of the official fonts.
    warning = font_warning()
    assert warning == "" or "本机未安装公文字体" in warning
