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


def test_a_pdf_takes_serif_faces_for_song_fangsong_and_kai_and_says_so():
    from exporters.font_check import pdf_substitutes

    installed = ["Noto Serif CJK SC", "Noto Sans CJK SC", "AR PL UKai CN", "Liberation Serif"]
    subs = pdf_substitutes(installed)
    assert subs == {
        "方正小标宋简体": "Noto Serif CJK SC",
        "仿宋_GB2312": "Noto Serif CJK SC",
        "楷体_GB2312": "AR PL UKai CN",
        "黑体": "Noto Sans CJK SC",
        "宋体": "Noto Serif CJK SC",
    }
    # the official faces' own names win; an installed official font is left alone
    assert pdf_substitutes([*installed, "仿宋", "SimHei"])["仿宋_GB2312"] == "仿宋"
    assert "黑体" not in pdf_substitutes([*installed, "SimHei"])
    text = describe(missing_fonts(installed), pdf=True, substitutes=subs)
    assert "仿宋_GB2312以 Noto Serif CJK SC（衬线体）代替" in text
    assert "黑体以 Noto Sans CJK SC（黑体类）代替" in text
    # nothing suitable installed: said plainly
    bare = pdf_substitutes(["DejaVu Sans"])
    assert set(bare.values()) == {None}
    assert "由 LibreOffice 自选字体代替" in describe(missing_fonts([]), pdf=True, substitutes=bare)


def test_the_pdf_profile_holds_the_replacement_table(tmp_path):
    import defusedxml.ElementTree as ET

    from exporters.pdf import prepare_profile

    prepare_profile(tmp_path, {"仿宋_GB2312": "Noto Serif CJK SC", "楷体_GB2312": None})
    xcu = tmp_path / "user" / "registrymodifications.xcu"
    root = ET.parse(xcu).getroot()
    values = [v.text for v in root.iter("value")]
    assert values.count("true") >= 2  # replacement on, always (not on screen only)
    assert "仿宋_GB2312" in values and "Noto Serif CJK SC" in values
    assert "楷体_GB2312" not in values  # no face: LibreOffice's own choice
    prepare_profile(tmp_path / "none", {})
    assert not (tmp_path / "none").exists()
