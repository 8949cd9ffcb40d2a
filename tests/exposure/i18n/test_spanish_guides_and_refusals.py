"""With --lang es the web-form guides (the page inside each letter PDF and the `guide` files)
and the refusals a person meets are in Spanish; a refusal names the file and the field, never
the value."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from broker_catalog import Catalog, load_catalog
from exposure.cli.main import main

PRIVATE_VALUE = "Zacarías Secretísimo"  # a value that must never appear in a refusal


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def _letters(capsys: pytest.CaptureFixture[str], out: Path, *lang: str) -> tuple[int, str, str]:
    return _run(
        capsys,
        *lang,
        "letters",
        "--demo",
        "--broker",
        "chexsystems",
        "--format",
        "pdf",
        "--format",
        "guide",
        "--out",
        str(out),
    )


def test_the_guide_page_of_a_letter_pdf_is_in_spanish(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, _ = _letters(capsys, tmp_path / "o", "--lang", "es")
    assert code == 0
    pages = PdfReader(tmp_path / "o" / "chexsystems-file_disclosure.pdf").pages
    letter, guide = pages[0].extract_text(), pages[-1].extract_text()
    assert "Cómo contactar a Chex Systems, Inc. por internet" in guide
    assert "Formulario web: https://" in guide
    assert "Pida su informe gratis" in guide  # the broker's steps, from the catalog's Spanish
    assert "Esta página es para usted" in guide
    assert "Página 2" in guide  # its number too; the letter's own pages say "Page"
    assert "Page 1" in letter
    for english in ("How to reach", "Web form:", "This page is for you", "Request your free"):
        assert english not in guide
    assert "Chex Systems" in letter  # the letter itself stays in English
    assert "Cómo contactar" not in letter


def test_the_guide_page_stays_english_in_english(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert _letters(capsys, tmp_path / "o")[0] == 0
    guide = PdfReader(tmp_path / "o" / "chexsystems-file_disclosure.pdf").pages[-1]
    text = guide.extract_text()
    assert "How to reach Chex Systems, Inc. online" in text
    assert "This page is for you; you do not need to mail it." in text


def test_the_guide_files_identity_labels_are_in_spanish(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = _letters(capsys, tmp_path / "o", "--lang", "es")
    assert code == 0
    text = (tmp_path / "o" / "chexsystems-file_disclosure.guide.txt").read_text()
    assert "Nombre completo: Marisol Ejemplo-Demo" in text
    assert "Número de Seguro Social: ______________________________ (escriba a mano)" in text
    for english in ("Full name", "Current address", "write by hand", "Social Security number"):
        assert english not in text
    assert "carta(s) redactada(s)" in out


def test_drafting_notes_are_in_spanish(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = _letters(capsys, tmp_path / "o", "--lang", "es")
    assert code == 0
    assert "nota: Ninguna dirección postal del catálogo recibe solicitudes de copia" in out
    assert "No postal address" not in out


def _profile(tmp_path: Path, identity: str) -> Path:
    path = tmp_path / "yo.toml"
    path.write_text(f'[facts]\nstate = "TX"\n\n[identity]\n{identity}\n', encoding="utf-8")
    return path


def test_no_reply_address_is_refused_in_spanish(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    profile = _profile(tmp_path, f'full_name = "{PRIVATE_VALUE}"')
    out = str(tmp_path / "o")
    # azira needs only an advertising ID, written by hand: the missing reply address stops it
    args = ("letters", "--lang", "es", "--profile", str(profile), "--out", out, "--broker")
    code, _, err = _run(capsys, *args, "azira")
    assert code == 1
    assert "Una carta debe darle al corredor de datos una forma de responder" in err
    assert "--blanks" in err
    assert PRIVATE_VALUE not in err
    # chexsystems needs more than the profile has: skipped, naming the fields in Spanish
    code, _, err = _run(capsys, *args, "chexsystems")
    assert code == 1
    assert "se omitió chexsystems: Chex Systems, Inc. necesita estos datos de identidad" in err
    assert "dirección postal, teléfono, fecha de nacimiento" in err
    assert PRIVATE_VALUE not in err


def test_a_malformed_agent_file_is_refused_in_spanish_naming_the_field(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    agent = tmp_path / "agente.toml"
    agent.write_text(f'name = "Clínica"\ncontact = "{PRIVATE_VALUE}"\nfax = "{PRIVATE_VALUE}"\n')
    code, _, err = _run(
        capsys,
        "letters",
        "--lang",
        "es",
        "--demo",
        "--agent",
        str(agent),
        "--out",
        str(tmp_path / "o"),
    )
    assert code == 1
    assert f"{agent} no es un archivo de agente válido (revise: fax)" in err
    assert PRIVATE_VALUE not in err


def test_missing_files_and_brokers_are_refused_in_spanish(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = str(tmp_path / "o")
    missing = str(tmp_path / "no-existe.toml")
    code, _, err = _run(
        capsys, "letters", "--lang", "es", "--demo", "--agent", missing, "--out", out
    )
    assert (code, err.strip()) == (1, f"exposure: no hay ningún archivo de agente en {missing}")
    code, _, err = _run(
        capsys, "letters", "--lang", "es", "--demo", "--broker", "nope", "--out", out
    )
    assert code == 1
    assert "no hay ningún corredor 'nope' en el catálogo" in err
    code, _, err = _run(capsys, "letters", "--lang", "es", "--out", out)
    assert code == 1
    assert "no hay perfil: use --demo" in err


def test_writing_over_a_file_is_refused_in_spanish(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "un-archivo"
    target.write_text("x")
    code, _, err = _letters(capsys, target, "--lang", "es")
    assert code == 1
    assert f"{target} es un archivo, no una carpeta" in err


@pytest.mark.parametrize(
    ("header", "reason"),
    [
        (b"Bcc: " + PRIVATE_VALUE.encode() + b" <oculto@example.org>", "tiene un encabezado Bcc"),
        (
            b"X-Secret: " + PRIVATE_VALUE.encode(),
            "tiene encabezados que exposure no escribe (x-secret)",
        ),
    ],
)
def test_a_refused_draft_is_named_in_spanish_never_its_values(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, header: bytes, reason: str
) -> None:
    folder = tmp_path / "borradores"
    folder.mkdir()
    (folder / "carta.eml").write_bytes(header + b"\r\nTo: a@example.org\r\nSubject: x\r\n\r\nx\r\n")
    code, _, err = _run(
        capsys, "send", "--lang", "es", str(folder), "--smtp-host", "127.0.0.1", "--dry-run"
    )
    assert code == 1
    assert f"carta.eml {reason}" in err
    assert PRIVATE_VALUE not in err
    assert "oculto@" not in err


def test_an_empty_drafts_folder_and_a_send_without_confirmation_in_spanish(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = _run(capsys, "send", "--lang", "es", str(tmp_path), "--smtp-host", "127.0.0.1")
    assert code == 1
    assert "no hay borradores .eml en" in err
    (tmp_path / "carta.eml").write_bytes(b"To: a@example.org\r\nSubject: x\r\n\r\nx\r\n")
    code, _out, err = _run(
        capsys, "send", "--lang", "es", str(tmp_path), "--smtp-host", "127.0.0.1"
    )
    assert code == 1
    assert "no se envía nada sin confirmación; agregue --yes" in err


def test_a_malformed_profile_is_refused_in_spanish_naming_fields_not_values(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "yo.toml"
    path.write_text(f'facts = 3\n[identity]\nfull_name = "x"\nbirth = "{PRIVATE_VALUE}"\n')
    code, _, err = _run(capsys, "audit", "--lang", "es", "--profile", str(path))
    assert code == 1
    assert f"{path} no es un perfil válido: facts: debe ser una tabla de campos" in err
    assert "identity.birth: este campo no se permite aquí" in err
    assert PRIVATE_VALUE not in err
    path.write_text(f'[facts]\nhousing = "{PRIVATE_VALUE}"\n')
    code, _, err = _run(capsys, "audit", "--lang", "es", "--profile", str(path))
    assert code == 1
    assert "tiene respuestas que no encajan: housing: la respuesta no es ninguno de estos" in err
    assert PRIVATE_VALUE not in err


def test_a_workshop_in_spanish_from_start_to_close(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    workshop, out = tmp_path / "taller.json", tmp_path / "cartas"
    assert _run(capsys, "--lang", "es", "workshop", "start", "--name", "T", str(workshop))[0] == 0
    csv = tmp_path / "gente.csv"
    csv.write_text(f"housing,email\nowner,{PRIVATE_VALUE}\n")
    args = ("--lang", "es", "workshop", "add", "--out", str(out), "--csv", str(csv))
    code, _, err = _run(capsys, *args, str(workshop))
    assert code == 1
    assert "la columna 2 (email) no es una pregunta sobre la vida" in err
    assert PRIVATE_VALUE not in err
    csv.write_text("state,housing\nTX,renter_own_lease\n")
    assert _run(capsys, *args, str(workshop))[0] == 0
    letters = PdfReader(out / "participant-1" / "letters.pdf").pages
    guides = [p.extract_text() for p in letters if "por internet" in p.extract_text()]
    assert guides, "a participant's letters carry their web-form pages in Spanish"
    assert not any("How to reach" in p.extract_text() for p in letters)
    code, printed, _ = _run(capsys, "--lang", "es", "workshop", "close", str(workshop))
    assert code == 0
    assert "  - el número de participantes" in printed
    assert "  - cuántas cartas se imprimieron" in printed
    assert "the number of participants" not in printed
    code, _, err = _run(capsys, *args, str(workshop))
    assert code == 1
    assert f"este taller está cerrado ({workshop}); empiece uno nuevo" in err


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(use_cache=False)


def test_a_kiosk_participants_papers_carry_spanish_web_form_pages(catalog: Catalog) -> None:
    from exposure.app.intake import papers
    from exposure.profile.files import demo_profile

    pdf = papers(demo_profile(), catalog, today=dt.date(2026, 12, 6), lang="es")
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]
    guides = [p for p in pages if "por internet" in p and "Formulario web:" in p]
    assert guides
    assert any("Busque el identificador de publicidad de su teléfono" in p for p in guides)
    assert not any("How to reach" in p or "Find your phone's advertising ID" in p for p in pages)
