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


def test_cli_export_names_the_missing_fonts_once(tmp_path, monkeypatch, capsys):
    from cli import main
    from model.drafts import save_draft
    from model.report import Report

    monkeypatch.setattr("exporters.font_check.installed_families", lambda: frozenset({"SimHei"}))
    draft = tmp_path / "r.nianbao"
    save_draft(Report("2021", 2023, "某某局"), draft)
    assert main(["export", str(draft), "--docx", str(tmp_path / "r.docx")]) == 0
    out = capsys.readouterr().out
    assert out.count("本机未安装公文字体：方正小标宋简体、仿宋_GB2312、楷体_GB2312。") == 1
    assert (tmp_path / "r.docx").stat().st_size > 0


def test_cli_export_says_nothing_when_the_fonts_are_there(tmp_path, monkeypatch, capsys):
    from cli import main
    from model.drafts import save_draft
    from model.report import Report

    everything = frozenset(OFFICIAL_FONTS)
    monkeypatch.setattr("exporters.font_check.installed_families", lambda: everything)
    draft = tmp_path / "r.nianbao"
    save_draft(Report("2021", 2023, "某某局"), draft)
    assert main(["export", str(draft), "--docx", str(tmp_path / "r.docx")]) == 0
    assert "公文字体" not in capsys.readouterr().out
