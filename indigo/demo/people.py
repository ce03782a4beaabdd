"""Made-up people for the demo: names, nationalities and ages that look plausible.

Names are combined at random from short lists of common given names and surnames per
naming tradition, written here by hand; no dataset of real persons is used. Which
nationalities and ages are plausible depends on the product (students are young,
naturalisation is for adults, a child joining a parent is under 18).
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta

from indigo.cases.services import ApplicantData


@dataclass(frozen=True)
class NamePool:
    female: tuple[str, ...]
    male: tuple[str, ...]
    surnames: tuple[str, ...]
    # Spanish naming: two surnames, the father's and the mother's.
    double_surname: bool = False


def _split(text: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in text.split(",") if name.strip())


POOLS: dict[str, NamePool] = {
    "hispanic": NamePool(
        female=_split("Valeria, Camila, Daniela, Sofía, Mariana, Isabella, Paula, Laura, Lucía"),
        male=_split("Santiago, Mateo, Sebastián, Andrés, Juan Pablo, Diego, Felipe, Nicolás"),
        surnames=_split(
            "García, Rodríguez, Martínez, López, Hernández, Gómez, Díaz, Ramírez, "
            "Torres, Vargas, Morales, Castro, Ortiz, Rojas, Muñoz"
        ),
        double_surname=True,
    ),
    "lusophone": NamePool(
        female=_split("Ana Clara, Beatriz, Larissa, Juliana, Fernanda, Gabriela, Letícia"),
        male=_split("João Pedro, Lucas, Gabriel, Rafael, Thiago, Gustavo, Felipe"),
        surnames=_split("Silva, Santos, Oliveira, Souza, Pereira, Costa, Almeida, Ferreira"),
    ),
    "arabic": NamePool(
        female=_split("Amira, Layla, Nour, Rania, Yasmin, Huda, Salma, Dana, Hiba, Rasha"),
        male=_split("Ahmad, Omar, Khaled, Youssef, Mahmoud, Samir, Tarek, Bilal, Hassan"),
        surnames=_split(
            "Al-Hassan, Haddad, Khalil, Mansour, Nasser, Saleh, Darwish, Hamdan, Aziz, "
            "El Amrani, Benali, Al-Sayed"
        ),
    ),
    "horn-of-africa": NamePool(
        female=_split("Senait, Helen, Semhar, Selam, Hodan, Ifrah, Luwam, Saba, Hanna"),
        male=_split("Yonas, Filmon, Biniam, Dawit, Abdi, Mohamed, Samuel, Tesfay, Robel"),
        surnames=_split(
            "Tesfay, Haile, Gebremedhin, Kidane, Berhane, Tekle, Farah, Warsame, Abdullahi, Ghebre"
        ),
    ),
    "persian": NamePool(
        female=_split("Zahra, Maryam, Parisa, Fatemeh, Shirin, Nilofar, Farzana, Mina"),
        male=_split("Ahmad, Farid, Reza, Ali, Hamid, Mustafa, Javad, Sohrab, Navid"),
        surnames=_split("Ahmadi, Hosseini, Karimi, Rahimi, Sadat, Noori, Rezaei, Jafari, Haidari"),
    ),
    "turkish": NamePool(
        female=_split("Elif, Zeynep, Ayşe, Merve, Esra, Büşra, Derya, Selin, Hatice"),
        male=_split("Emre, Mehmet, Burak, Mustafa, Can, Murat, Oğuz, Serkan, Kerem"),
        surnames=_split("Yılmaz, Kaya, Demir, Şahin, Çelik, Öztürk, Aydın, Arslan, Doğan, Koç"),  # noqa: RUF001
    ),
    "south-asian": NamePool(
        female=_split("Priya, Ananya, Sneha, Divya, Kavya, Aisha, Meera, Pooja, Sana"),
        male=_split("Arjun, Rahul, Vikram, Rohan, Aditya, Imran, Karthik, Siddharth, Faisal"),
        surnames=_split(
            "Sharma, Patel, Iyer, Reddy, Khan, Gupta, Nair, Qureshi, Menon, Joshi, Rao, Malik"
        ),
    ),
    "chinese": NamePool(
        female=_split("Wei, Jing, Li Na, Xiaoling, Yan, Mei, Xinyi, Ying"),
        male=_split("Hao, Jun, Lei, Yu, Zhiwei, Chen, Bo, Tao"),
        surnames=_split("Wang, Li, Zhang, Liu, Chen, Yang, Huang, Zhao, Wu, Zhou"),
    ),
    "east-asian": NamePool(
        female=_split("Ji-woo, Seo-yeon, Yuki, Aoi, Linh, Thu, Hana, Min-seo"),
        male=_split("Min-jun, Do-yun, Haruto, Ren, Minh, Duc, Tuan, Sota"),
        surnames=_split("Kim, Park, Lee, Choi, Sato, Suzuki, Tanaka, Nguyen, Tran, Pham"),
    ),
    "southeast-asian": NamePool(
        female=_split("Putri, Dewi, Siti, Maria Cristina, Angelica, Ploy, Nok, Rosalie"),
        male=_split("Budi, Andi, Rizky, Jose, Mark Anthony, Somchai, Anan, Paolo"),
        surnames=_split(
            "Santoso, Wijaya, Saputra, Hidayat, Santos, Reyes, Cruz, Bautista, Srisuk, Wongsawat"
        ),
    ),
    "anglophone": NamePool(
        female=_split("Emily, Olivia, Sarah, Jessica, Hannah, Grace, Chloe, Megan, Lauren"),
        male=_split("James, Michael, Daniel, Ethan, Ryan, Matthew, Liam, Noah, Jacob"),
        surnames=_split(
            "Smith, Johnson, Brown, Williams, Taylor, Walker, Miller, Wilson, Clarke, "
            "Evans, Thompson"
        ),
    ),
    "slavic": NamePool(
        female=_split("Olena, Iryna, Natalia, Kateryna, Yulia, Oksana, Anastasia, Daria"),
        male=_split("Andriy, Dmytro, Oleksandr, Serhiy, Maksym, Ivan, Mykola, Artem"),
        surnames=_split("Shevchenko, Kovalenko, Bondarenko, Tkachenko, Melnyk, Kravchenko, Boyko"),
    ),
    "west-african": NamePool(
        female=_split("Ngozi, Adaeze, Ama, Abena, Funmilayo, Chiamaka, Efua, Yetunde"),
        male=_split("Chinedu, Kwame, Oluwaseun, Emeka, Kofi, Tunde, Yaw, Ikenna"),
        surnames=_split("Okafor, Mensah, Adeyemi, Boateng, Eze, Owusu, Balogun, Asante, Nwosu"),
    ),
    "surinamese": NamePool(
        female=_split("Sharmila, Shanice, Anjali, Jennifer, Reshma, Naomi, Soraya"),
        male=_split("Ravi, Dwayne, Rajesh, Glenn, Sunil, Romano, Errol"),
        surnames=_split("Ramdin, Pinas, Sewnath, Kromodimedjo, Biharie, Doelwijt, Ramsaroep"),
    ),
}

REGION_OF: dict[str, str] = {
    **dict.fromkeys(["COL", "MEX", "ARG", "CHL", "VEN", "PER"], "hispanic"),
    **dict.fromkeys(["BRA"], "lusophone"),
    **dict.fromkeys(["SYR", "YEM", "IRQ", "MAR", "EGY", "SDN", "JOR", "LBN"], "arabic"),
    **dict.fromkeys(["ERI", "ETH", "SOM"], "horn-of-africa"),
    **dict.fromkeys(["AFG", "IRN"], "persian"),
    **dict.fromkeys(["TUR"], "turkish"),
    **dict.fromkeys(["IND", "PAK", "BGD"], "south-asian"),
    **dict.fromkeys(["CHN"], "chinese"),
    **dict.fromkeys(["KOR", "JPN", "VNM"], "east-asian"),
    **dict.fromkeys(["IDN", "PHL", "THA"], "southeast-asian"),
    **dict.fromkeys(["USA", "GBR", "CAN", "AUS", "NZL", "ZAF"], "anglophone"),
    **dict.fromkeys(["UKR", "RUS"], "slavic"),
    **dict.fromkeys(["NGA", "GHA"], "west-african"),
    **dict.fromkeys(["SUR"], "surinamese"),
}
# Stateless persons (ICAO XXA) in the demo are mostly Palestinians born in Syria.
REGION_OF["XXA"] = "arabic"


def _weighted(text: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """'SYR 5, ERI 3' → (('SYR', 'ERI'), (5, 3))."""
    pairs = [item.split() for item in text.split(",")]
    return tuple(code for code, _ in pairs), tuple(int(weight) for _, weight in pairs)


# Nationalities per product with rough weights: plausible, not official statistics.
NATIONALITIES: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "study": _weighted(
        "CHN 6, IND 6, COL 3, IDN 4, USA 3, TUR 3, KOR 2, VNM 2, MEX 2, BRA 2, NGA 2, IRN 2"
    ),
    "highly-skilled-migrant": _weighted(
        "IND 10, CHN 4, USA 4, TUR 4, BRA 3, GBR 3, ZAF 2, UKR 2, IRN 2, EGY 2, PAK 2, JPN 1"
    ),
    "eu-blue-card": _weighted("IND 5, TUR 3, USA 2, CHN 2, BRA 2, EGY 1, PAK 1"),
    "paid-employment": _weighted("IND 4, PHL 3, TUR 3, UKR 3, USA 2, MAR 2, GBR 2, CHN 1"),
    "au-pair": _weighted("PHL 5, ZAF 3, COL 2, IDN 2, UKR 2, BRA 2, USA 1"),
    "exchange": _weighted("USA 3, CAN 3, AUS 3, NZL 2, JPN 2, KOR 2, ARG 2, CHL 1"),
    "family-partner": _weighted(
        "TUR 5, MAR 4, IND 4, IDN 2, SUR 3, USA 2, GBR 2, THA 2, PHL 2, UKR 2, SYR 3, ERI 2"
    ),
    "family-child": _weighted("SYR 5, ERI 5, TUR 2, MAR 2, IND 2, SUR 1, AFG 2, SOM 2"),
    "permanent-residence-eu": _weighted("TUR 4, MAR 3, IND 3, CHN 2, SUR 2, USA 1, SYR 2"),
    "asylum": _weighted(
        "SYR 10, ERI 6, AFG 6, TUR 5, YEM 4, IRQ 3, IRN 2, SOM 3, SDN 2, ETH 1, COL 1, XXA 2"
    ),
    "naturalisation": _weighted(
        "SYR 8, ERI 5, TUR 4, MAR 4, AFG 3, IRQ 2, IND 3, CHN 2, SUR 2, GBR 2, XXA 1"
    ),
}
FALLBACK_NATIONALITIES = _weighted("TUR 1, MAR 1, IND 1, USA 1, CHN 1")

# Age on the receipt date, in whole years (inclusive bounds).
AGES: dict[str, tuple[int, int]] = {
    "study": (18, 30),
    "highly-skilled-migrant": (24, 52),
    "eu-blue-card": (25, 50),
    "paid-employment": (20, 55),
    "au-pair": (18, 25),
    "exchange": (18, 30),
    "family-partner": (21, 55),
    "family-child": (0, 17),
    "permanent-residence-eu": (25, 65),
    "asylum": (16, 60),
    "naturalisation": (18, 70),
}
DEFAULT_AGES = (18, 60)

# Share of applicants who already have a V-number (vreemdelingennummer): everyone who
# lived here for years has one; most first-time applicants from abroad do not yet.
V_NUMBER_SHARE: dict[str, float] = {
    "naturalisation": 1.0,
    "permanent-residence-eu": 1.0,
    "asylum": 0.75,
}
DEFAULT_V_NUMBER_SHARE = 0.35


class PersonGenerator:
    """Synthetic applicants, reproducible from the random generator it is given."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self._v_numbers: set[str] = set()

    def nationality(self, product_code: str) -> str:
        codes, weights = NATIONALITIES.get(product_code, FALLBACK_NATIONALITIES)
        return self.rng.choices(codes, weights)[0]

    def name(self, nationality: str) -> tuple[str, str]:
        pool = POOLS[REGION_OF.get(nationality, "anglophone")]
        given = self.rng.choice(pool.female if self.rng.random() < 0.5 else pool.male)
        surname = self.rng.choice(pool.surnames)
        if pool.double_surname:
            second = self.rng.choice([s for s in pool.surnames if s != surname])
            surname = f"{surname} {second}"
        return given, surname

    def date_of_birth(self, product_code: str, *, on: date) -> date:
        youngest, oldest = AGES.get(product_code, DEFAULT_AGES)
        # Born between (oldest + 1) years and youngest years before `on`, exclusive of
        # the last day, so the age on `on` is within the bounds.
        earliest = _years_before(on, oldest + 1) + timedelta(days=1)
        latest = _years_before(on, youngest)
        if latest > on - timedelta(days=30):
            latest = on - timedelta(days=30)  # even a baby has a birth certificate first
        return earliest + timedelta(days=self.rng.randint(0, (latest - earliest).days))

    def v_number(self) -> str:
        while True:
            candidate = str(self.rng.randrange(10**9, 10**10))
            if candidate not in self._v_numbers:
                self._v_numbers.add(candidate)
                return candidate

    def reserve_v_number(self, value: str) -> None:
        self._v_numbers.add(value)

    def applicant(self, product_code: str, *, received_on: date) -> ApplicantData:
        nationality = self.nationality(product_code)
        given, surname = self.name(nationality)
        share = V_NUMBER_SHARE.get(product_code, DEFAULT_V_NUMBER_SHARE)
        return ApplicantData(
            given_names=given,
            surname=surname,
            date_of_birth=self.date_of_birth(product_code, on=received_on),
            nationality=nationality,
            v_number=self.v_number() if self.rng.random() < share else "",
            language=language_for(given, surname),
        )


def language_for(given_names: str, surname: str) -> str:
    """About half the demo's applicants choose Dutch, the others English. Chosen from
    the name, not the random stream, so the rest of the demo stays as it was."""
    return "nl" if sum(map(ord, given_names + surname)) % 2 else "en"


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)
