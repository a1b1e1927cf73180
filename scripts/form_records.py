"""One consistent, invented record per sample form, built from the values in fakedata.py.

`record_for(definition, rng)` gives a value for every field of a definition: the form's own
generator where there is one (RECORDS, keyed by form id), and a stand-in by field type for any
other field. Values are `fakedata.Value(printed, truth)`; see Samples/README.md for what is
printed and what the truth is.
"""

from __future__ import annotations

import calendar
import datetime as dt
import random
from dataclasses import dataclass
from typing import Callable

from fakedata import (BLANK, FAMILY_NAMES, MUNICIPALITIES, Value, account_number, address,
                      atena_number, bank_code, birth_date, branch_code, company_name,
                      contact_person, corporate_number, designation_number, era_date,
                      income_after_employment_deduction, income_tax, my_number, person_name,
                      phone_number, plain, postal_code, submit_to, value_for_type, yen)
from formlayout import Definition


@dataclass
class FormRecord:
    """The values of one page, by field key, and what else the page shows about its writer."""
    values: dict[str, Value]
    #: Family name (kanji) on the seal pressed in a 届出印 box, or None if the form has none.
    seal_name: str | None = None


def tick(on: bool) -> Value:
    """A check box: ticked ("1") or empty ("0")."""
    return plain("1" if on else "0")


# =============================================================================================
# 給与支払報告書（個人別明細書）
# =============================================================================================

CATEGORIES = ["給料・賞与"] * 8 + ["給料"] * 3 + ["賞与"]


def payroll_record(rng: random.Random) -> FormRecord:
    """Values for every field of kyuyo_shiharai_hokokusho, consistent with each other."""
    payee_address, place = address(rng)
    name, kana = person_name(rng)

    pay = int(rng.triangular(2_000_000, 12_000_000, 4_000_000))
    income = income_after_employment_deduction(pay)
    social = int(pay * rng.uniform(0.14, 0.15))
    dependents = rng.choices([0, 1, 2, 3, 4], weights=[40, 20, 22, 12, 6])[0]
    if rng.random() < 0.2:
        life = None                      # left blank on the form
    else:
        life = rng.choice([0, 120_000, 120_000] + [rng.randint(10_000, 119_999)] * 6)
    spouse = 380_000 if rng.random() < 0.3 else 0
    earthquake = rng.randint(1_000, 50_000) if rng.random() < 0.25 else 0
    total = social + 480_000 + spouse + 380_000 * dependents + (life or 0) + earthquake
    tax = income_tax(income - total)

    # 1 in 10 goes to another municipality than the address shows (the payee moved).
    to = submit_to(place if rng.random() < 0.9 else rng.choice(MUNICIPALITIES))
    payer_address, _ = address(rng, building_probability=0.5)
    retired = rng.random() < 0.2

    return FormRecord({
        "submit_to": to,
        "payer_designation_number": designation_number(rng),
        "payee_postal_code": postal_code(rng),
        "payee_address": payee_address,
        "payee_my_number": my_number(rng),
        "payee_name_kana": kana,
        "payee_name": name,
        "category": plain(rng.choice(CATEGORIES)),
        "birth_date": birth_date(rng),
        "payment_amount": yen(pay),
        "income_after_deduction": yen(income),
        "total_deductions": yen(total),
        "withholding_tax": yen(tax),
        "social_insurance": yen(social),
        "life_insurance_deduction": BLANK if life is None else yen(life),
        "dependents": plain(str(dependents)),
        "mid_year_retired": tick(retired),
        "payer_corporate_number": corporate_number(rng),
        "payer_phone": phone_number(rng),
        "payer_address": payer_address,
        "payer_name": company_name(rng),
    })


# =============================================================================================
# 特別徴収に係る給与所得者異動届出書
# =============================================================================================

REASONS = ["reason_retired", "reason_transfer", "reason_death", "reason_other"]
REASON_WEIGHTS = [60, 20, 5, 15]
METHODS = ["method_continue", "method_lump_sum", "method_ordinary"]
#: How the rest of the year's tax is collected, by reason: 転勤 usually continues at the new
#: employer; after 退職 or 死亡 it is collected at once or by the municipality itself.
METHOD_WEIGHTS = {
    "reason_retired": [0, 45, 55],
    "reason_transfer": [85, 5, 10],
    "reason_death": [0, 30, 70],
    "reason_other": [30, 30, 40],
}
NEW_EMPLOYER_KEYS = ["new_employer_name", "new_employer_address",
                     "new_employer_corporate_number", "new_employer_phone"]

#: 令和6年度: special collection runs from June 2024 to May 2025, 12 instalments.
FIRST_INSTALMENT = (2024, 6)


def instalment_month(n: int) -> tuple[int, int]:
    """(year, month) of the n-th monthly instalment (1 = June 2024)."""
    year, month = FIRST_INSTALMENT
    month += n - 1
    return year + (month - 1) // 12, (month - 1) % 12 + 1


def special_collection(rng: random.Random) -> tuple[int, int, int, int]:
    """(annual tax, collected, unpaid, instalments collected). The first instalment (June)
    carries the remainder, the other eleven are equal and in hundreds of yen, and the change
    happens after 1 to 11 instalments, so something is always left unpaid."""
    annual = rng.randint(240, 7_200) * 100
    monthly = annual // 12 // 100 * 100
    first = annual - 11 * monthly
    paid = rng.randint(1, 11)
    collected = first + (paid - 1) * monthly
    return annual, collected, annual - collected, paid


def ido_record(rng: random.Random) -> FormRecord:
    """Values for every field of tokubetsu_choshu_ido: exactly one reason and one method
    ticked, unpaid = annual_tax − collected, a new employer only for 転勤."""
    payer_address, _ = address(rng, building_probability=0.5)
    employee_address, _ = address(rng)
    name, kana = person_name(rng)
    reason = rng.choices(REASONS, weights=REASON_WEIGHTS)[0]
    method = rng.choices(METHODS, weights=METHOD_WEIGHTS[reason])[0]
    annual, collected, unpaid, paid = special_collection(rng)
    year, month = instalment_month(paid)
    last_day = calendar.monthrange(year, month)[1]
    # People mostly leave at the end of a month; other changes happen on any day.
    day = last_day if reason == "reason_retired" and rng.random() < 0.6 else rng.randint(1, last_day)

    values = {
        "payer_designation_number": designation_number(rng),
        "payer_corporate_number": corporate_number(rng),
        "payer_phone": phone_number(rng),
        "payer_address": payer_address,
        "payer_name": company_name(rng),
        "payer_contact": contact_person(rng),
        "employee_name_kana": kana,
        "employee_birth_date": birth_date(rng),
        "employee_atena_number": atena_number(rng) if rng.random() < 0.6 else BLANK,
        "employee_name": name,
        "employee_my_number": my_number(rng),
        "employee_address": employee_address,
        "annual_tax": yen(annual),
        "collected": yen(collected),
        "unpaid": yen(unpaid),
        "change_date": era_date(dt.date(year, month, day)),
    }
    values.update((key, tick(key == reason)) for key in REASONS)
    values.update((key, tick(key == method)) for key in METHODS)
    if reason == "reason_transfer":
        new_address, _ = address(rng, building_probability=0.5)
        values.update({
            "new_employer_name": company_name(rng),
            "new_employer_address": new_address,
            "new_employer_corporate_number": corporate_number(rng),
            "new_employer_phone": phone_number(rng),
        })
    else:
        values.update((key, BLANK) for key in NEW_EMPLOYER_KEYS)
    return FormRecord(values)


# =============================================================================================
# 口座振替依頼書
# =============================================================================================

#: Share of requests that name each tax (at least one is always ticked).
TAX_SHARES = {"tax_resident": 0.6, "tax_property": 0.45, "tax_vehicle": 0.35, "tax_health": 0.3}


def koza_record(rng: random.Random) -> FormRecord:
    """Values for every field of koza_furikae. The account is the taxpayer's own (4 in 5) or a
    family member's; the seal in the 届出印 box is the account holder's family name."""
    taxpayer_address, _ = address(rng)
    family = rng.choice(FAMILY_NAMES)
    name, kana = person_name(rng, family)
    holder_kana = kana if rng.random() < 0.8 else person_name(rng, family)[1]
    ordinary = rng.random() < 0.9
    taxes = {key: rng.random() < share for key, share in TAX_SHARES.items()}
    if not any(taxes.values()):
        taxes[rng.choice(list(TAX_SHARES))] = True

    values = {
        "taxpayer_address": taxpayer_address,
        "taxpayer_name": name,
        "taxpayer_phone": phone_number(rng),
        **{key: tick(on) for key, on in taxes.items()},
        "bank_code": bank_code(rng),
        "branch_code": branch_code(rng),
        "account_type_ordinary": tick(ordinary),
        "account_type_current": tick(not ordinary),
        "account_number": account_number(rng),
        "account_holder_kana": holder_kana,
    }
    return FormRecord(values, seal_name=family[0])


# =============================================================================================

RECORDS: dict[str, Callable[[random.Random], FormRecord]] = {
    "kyuyo_shiharai_hokokusho": payroll_record,
    "tokubetsu_choshu_ido": ido_record,
    "koza_furikae": koza_record,
}


def record_for(definition: Definition, rng: random.Random) -> FormRecord:
    """Consistent values for a known form; a stand-in by type for any other field (which need
    not satisfy the definition's `length` or rules)."""
    generator = RECORDS.get(definition.id)
    record = generator(rng) if generator else FormRecord({})
    values = {f.key: record.values.get(f.key) or value_for_type(f.type, rng)
              for f in definition.fields}
    return FormRecord(values, record.seal_name)
