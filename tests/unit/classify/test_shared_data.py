"""Figures on real third-party data (never copied into the repo; skipped when absent).

telecom_fraud_texts_5: label01-04 are four fraud classes (UTF-8 CSV, label04 GB18030, quoted
fields with embedded newlines), label00 is normal marketing SMS. SMS Spam Collection: ham messages.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

from netwarden.core.classify import Classifier

SHARED = Path(os.environ.get("NETWARDEN_SHARED_DATA", Path(__file__).resolve().parents[4] / "shared" / "data"))
TELECOM = SHARED / "telecom_fraud_texts_5"
SMS = SHARED / "sms_spam_collection" / "SMSSpamCollection"
FRAUD_FILES = [("label01-last.csv", "utf-8"), ("label02-last.csv", "utf-8"), ("label03-last.csv", "utf-8"),
               ("label04-last.csv", "gb18030")]

pytestmark = pytest.mark.shared_data


def _texts(name: str, encoding: str) -> list[str]:
    path = TELECOM / name
    if not path.exists():
        pytest.skip(f"shared data not found: {path} (set NETWARDEN_SHARED_DATA)")
    with path.open(encoding=encoding, newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        column = header.index("content")
        return [row[column] for row in reader if row and row[column].strip()]


def _crime_share(classifier: Classifier, texts: list[str]) -> float:
    return sum(classifier.crime_types(text)[0] != "none" for text in texts) / len(texts)


@pytest.mark.parametrize(("name", "encoding"), FRAUD_FILES)
def test_at_least_95_percent_of_each_fraud_class_gets_a_crime_label(classifier: Classifier, name: str,
                                                                     encoding: str) -> None:
    texts = _texts(name, encoding)
    assert len(texts) >= 900
    assert _crime_share(classifier, texts) >= 0.95


def test_at_most_3_percent_of_marketing_sms_get_a_crime_label(classifier: Classifier) -> None:
    texts = _texts("label00-last.csv", "utf-8")
    assert len(texts) >= 7000
    assert _crime_share(classifier, texts) <= 0.03


def test_at_most_2_percent_of_ham_sms_get_a_crime_label(classifier: Classifier) -> None:
    if not SMS.exists():
        pytest.skip(f"shared data not found: {SMS} (set NETWARDEN_SHARED_DATA)")
    ham = [line.split("\t", 1)[1] for line in SMS.read_text(encoding="utf-8").splitlines()
           if line.startswith("ham\t") and line.split("\t", 1)[1].strip()]
    assert len(ham) >= 4000
    assert _crime_share(classifier, ham) <= 0.02
