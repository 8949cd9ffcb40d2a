"""The loader returns a complete, immutable, indexed catalog, or an error listing every problem."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pydantic
import pytest

from broker_catalog import CatalogError, load_catalog
from broker_catalog.loader import default_cache_dir


def test_the_shipped_catalog_loads() -> None:
    catalog = load_catalog(use_cache=False)
    assert catalog.info.version
    assert len(catalog.categories) >= 10
    assert len(catalog.facts) >= 20
    assert catalog.brokers, "the catalog ships brokers"


def test_records_and_catalog_are_immutable(minimal_catalog: Path) -> None:
    catalog = load_catalog(minimal_catalog, use_cache=False)
    broker = catalog.by_id["valid-broker"]
    with pytest.raises(pydantic.ValidationError):
        broker.name = "changed"  # type: ignore[misc]
    with pytest.raises(TypeError):
        catalog.by_id["x"] = broker  # type: ignore[index]
    with pytest.raises(AttributeError):
        catalog.brokers = ()  # type: ignore[misc]


def test_indexes_find_brokers_by_id_category_brand_and_registry(minimal_catalog: Path) -> None:
    catalog = load_catalog(minimal_catalog, use_cache=False)
    broker = catalog.by_id["valid-broker"]
    assert catalog.by_category["utility-telecom"] == (broker,)
    assert catalog.by_category["people-search"] == ()
    assert catalog.by_registry["VT"] == (broker,)
    assert catalog.find_brand("  validsearch ") is broker
    assert catalog.find_brand("VALID BROKER EXAMPLE LLC") is broker
    assert catalog.find_brand("nobody") is None


def test_a_warm_load_comes_from_the_cache(minimal_catalog: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = load_catalog(minimal_catalog, cache_dir=cache)
    (entry,) = cache.glob("*.pickle")
    assert oct(entry.stat().st_mode & 0o777) == oct(0o600)
    # Plant a marker in the cached copy: a second load must return the cached object.
    marked = pickle.loads(entry.read_bytes())  # noqa: S301 - our own test cache
    object.__setattr__(marked.info, "name", "from-cache")
    entry.write_bytes(pickle.dumps(marked))
    second = load_catalog(minimal_catalog, cache_dir=cache)
    assert second.info.name == "from-cache"
    assert second.brokers == first.brokers


def test_editing_a_file_invalidates_the_cache(minimal_catalog: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_catalog(minimal_catalog, cache_dir=cache)
    path = minimal_catalog / "brokers" / "valid-broker.toml"
    path.write_text(path.read_text().replace("Valid Broker Example LLC", "Renamed Example LLC", 1))
    assert load_catalog(minimal_catalog, cache_dir=cache).by_id["valid-broker"].name == (
        "Renamed Example LLC"
    )
    assert len(list(cache.glob("*.pickle"))) == 1, "stale cache entries are removed"


def test_a_corrupt_cache_is_rebuilt_not_trusted(minimal_catalog: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_catalog(minimal_catalog, cache_dir=cache)
    (entry,) = cache.glob("*.pickle")
    entry.write_bytes(b"not a pickle")
    assert load_catalog(minimal_catalog, cache_dir=cache).by_id["valid-broker"]


def test_an_unwritable_cache_costs_speed_not_correctness(
    minimal_catalog: Path, tmp_path: Path
) -> None:
    blocked = tmp_path / "file-not-dir"
    blocked.write_text("")
    assert load_catalog(minimal_catalog, cache_dir=blocked / "cache").by_id["valid-broker"]


def test_the_default_cache_folder_follows_the_environment(tmp_path: Path) -> None:
    assert default_cache_dir() == Path(os.environ["EXPOSURE_CACHE_DIR"]) / "catalog"


def test_a_broken_file_never_half_loads_the_catalog(minimal_catalog: Path) -> None:
    good = (minimal_catalog / "brokers" / "valid-broker.toml").read_text()
    (minimal_catalog / "brokers" / "other-broker.toml").write_text(
        good.replace('id = "valid-broker"', 'id = "other-broker"')
        .replace("Valid Broker Example LLC", "Other Example LLC")
        .replace('brands = ["ValidSearch"]', "brands = []")
    )
    (minimal_catalog / "brokers" / "broken.toml").write_text('id = "broken"\nname = [')
    with pytest.raises(CatalogError) as caught:
        load_catalog(minimal_catalog, use_cache=False)
    assert [p.file.name for p in caught.value.problems] == ["broken.toml"]


def test_every_problem_is_reported_at_once(minimal_catalog: Path) -> None:
    (minimal_catalog / "brokers" / "a.toml").write_text('id = "a"\n')
    (minimal_catalog / "brokers" / "b.toml").write_text('id = "b"\n')
    with pytest.raises(CatalogError) as caught:
        load_catalog(minimal_catalog, use_cache=False)
    assert {p.file.name for p in caught.value.problems} == {"a.toml", "b.toml"}
    assert "problems" in caught.value.message


def test_a_missing_vocabulary_file_is_named(minimal_catalog: Path) -> None:
    (minimal_catalog / "facts.toml").unlink()
    with pytest.raises(CatalogError, match=r"facts\.toml.*file not found"):
        load_catalog(minimal_catalog, use_cache=False)


def test_a_catalog_from_the_cache_answers_like_a_fresh_one(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    fresh = load_catalog(use_cache=False)
    load_catalog(cache_dir=cache)
    cached = load_catalog(cache_dir=cache)
    assert cached == fresh
    assert cached.ids == fresh.ids
    assert len(cached) == len(fresh)
    for category in fresh.by_category:
        assert cached.by_category[category] == fresh.by_category[category]
    for state in fresh.by_registry:
        assert cached.by_registry[state] == fresh.by_registry[state]
    assert dict(cached.by_brand) == dict(fresh.by_brand)


def test_an_unchanged_file_with_a_new_timestamp_keeps_the_cache(
    minimal_catalog: Path, tmp_path: Path
) -> None:
    from broker_catalog.cache import cache_key
    from broker_catalog.loader import catalog_files

    cache = tmp_path / "cache"
    files = catalog_files(minimal_catalog)
    before = cache_key(files, minimal_catalog, cache)
    os.utime(files[-1], ns=(1_000_000_000, 1_000_000_000))
    assert cache_key(files, minimal_catalog, cache) == before
