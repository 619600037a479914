"""``reisregister generate_trips [N]``: N synthetic published trips, fast, for benchmarks and load tests.

Trips are written with ``bulk_create`` in batches (not through ``trips.service``, which would take minutes per
10,000 trips); one AuditEvent records the run. The texts combine real cities with invented but realistic
themes, goals and outcomes, so that searching them behaves like searching real reports. Deterministic for a
given ``--seed``. The public copies are made and the search index is rebuilt at the end.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from reisregister.followups.models import FollowUp
from reisregister.organisations.models import Organisation
from reisregister.organisations.service import ensure
from reisregister.publication import service as publication
from reisregister.trips import service as trips
from reisregister.trips.models import (
    Contact,
    CostLine,
    Destination,
    Goal,
    Outcome,
    Status,
    Traveller,
    Trip,
)

# Real municipalities with their TOOI codes (CBS municipality numbers).
MUNICIPALITIES = (
    ("Amsterdam", "gm0363"), ("Rotterdam", "gm0599"), ("Den Haag", "gm0518"), ("Utrecht", "gm0344"),
    ("Eindhoven", "gm0772"), ("Groningen", "gm0014"), ("Almere", "gm0034"), ("Breda", "gm0758"),
    ("Nijmegen", "gm0268"), ("Tilburg", "gm0855"), ("Enschede", "gm0153"), ("Haarlem", "gm0392"),
    ("Leeuwarden", "gm0080"), ("Maastricht", "gm0935"), ("Leiden", "gm0546"), ("Arnhem", "gm0202"),
    ("Zwolle", "gm0193"), ("Deventer", "gm0150"), ("Delft", "gm0503"),
)  # fmt: skip

# (Dutch name, international name, country, Dutch country name, latitude, longitude, far away)
CITIES = (
    ("Brussel", "Brussels", "BE", "België", 50.85, 4.35, False), ("Antwerpen", "Antwerp", "BE", "België", 51.22, 4.40, False),
    ("Gent", "Ghent", "BE", "België", 51.05, 3.72, False), ("Leuven", "Leuven", "BE", "België", 50.88, 4.70, False),
    ("Keulen", "Cologne", "DE", "Duitsland", 50.94, 6.96, False), ("Berlijn", "Berlin", "DE", "Duitsland", 52.52, 13.40, False),
    ("Hamburg", "Hamburg", "DE", "Duitsland", 53.55, 9.99, False), ("München", "Munich", "DE", "Duitsland", 48.14, 11.58, False),
    ("Freiburg", "Freiburg", "DE", "Duitsland", 47.99, 7.85, False), ("Münster", "Münster", "DE", "Duitsland", 51.96, 7.63, False),
    ("Parijs", "Paris", "FR", "Frankrijk", 48.86, 2.35, False), ("Lyon", "Lyon", "FR", "Frankrijk", 45.76, 4.84, False),
    ("Straatsburg", "Strasbourg", "FR", "Frankrijk", 48.57, 7.75, False), ("Nantes", "Nantes", "FR", "Frankrijk", 47.22, -1.55, False),
    ("Londen", "London", "GB", "Verenigd Koninkrijk", 51.51, -0.13, False), ("Manchester", "Manchester", "GB", "Verenigd Koninkrijk", 53.48, -2.24, False),
    ("Kopenhagen", "Copenhagen", "DK", "Denemarken", 55.68, 12.57, False), ("Aarhus", "Aarhus", "DK", "Denemarken", 56.16, 10.20, False),
    ("Stockholm", "Stockholm", "SE", "Zweden", 59.33, 18.07, False), ("Malmö", "Malmö", "SE", "Zweden", 55.61, 13.00, False),
    ("Oslo", "Oslo", "NO", "Noorwegen", 59.91, 10.75, False), ("Bergen", "Bergen", "NO", "Noorwegen", 60.39, 5.32, False),
    ("Helsinki", "Helsinki", "FI", "Finland", 60.17, 24.94, False), ("Tampere", "Tampere", "FI", "Finland", 61.50, 23.79, False),
    ("Tallinn", "Tallinn", "EE", "Estland", 59.44, 24.75, False), ("Riga", "Riga", "LV", "Letland", 56.95, 24.11, False),
    ("Warschau", "Warsaw", "PL", "Polen", 52.23, 21.01, False), ("Gdańsk", "Gdańsk", "PL", "Polen", 54.35, 18.65, False),
    ("Praag", "Prague", "CZ", "Tsjechië", 50.08, 14.44, False), ("Wenen", "Vienna", "AT", "Oostenrijk", 48.21, 16.37, False),
    ("Graz", "Graz", "AT", "Oostenrijk", 47.07, 15.44, False), ("Zürich", "Zurich", "CH", "Zwitserland", 47.37, 8.54, False),
    ("Genève", "Geneva", "CH", "Zwitserland", 46.20, 6.14, False), ("Milaan", "Milan", "IT", "Italië", 45.46, 9.19, False),
    ("Bologna", "Bologna", "IT", "Italië", 44.49, 11.34, False), ("Barcelona", "Barcelona", "ES", "Spanje", 41.39, 2.17, False),
    ("Bilbao", "Bilbao", "ES", "Spanje", 43.26, -2.93, False), ("Valencia", "Valencia", "ES", "Spanje", 39.47, -0.38, False),
    ("Lissabon", "Lisbon", "PT", "Portugal", 38.72, -9.14, False), ("Porto", "Porto", "PT", "Portugal", 41.15, -8.61, False),
    ("Dublin", "Dublin", "IE", "Ierland", 53.35, -6.26, False), ("Ljubljana", "Ljubljana", "SI", "Slovenië", 46.06, 14.51, False),
    ("New York", "New York", "US", "Verenigde Staten", 40.71, -74.01, True), ("Boston", "Boston", "US", "Verenigde Staten", 42.36, -71.06, True),
    ("Pittsburgh", "Pittsburgh", "US", "Verenigde Staten", 40.44, -80.00, True), ("Toronto", "Toronto", "CA", "Canada", 43.65, -79.38, True),
    ("Tokio", "Tokyo", "JP", "Japan", 35.68, 139.69, True), ("Osaka", "Osaka", "JP", "Japan", 34.69, 135.50, True),
    ("Singapore", "Singapore", "SG", "Singapore", 1.29, 103.85, True), ("Shanghai", "Shanghai", "CN", "China", 31.23, 121.47, True),
    ("Kaapstad", "Cape Town", "ZA", "Zuid-Afrika", -33.92, 18.42, True), ("Willemstad", "Willemstad", "CW", "Curaçao", 12.11, -68.93, True),
    ("Paramaribo", "Paramaribo", "SR", "Suriname", 5.85, -55.20, True), ("Melbourne", "Melbourne", "AU", "Australië", -37.81, 144.96, True),
)  # fmt: skip


@dataclass(frozen=True)
class Theme:
    topic: str
    why: str
    goals: tuple[str, ...]
    outcomes: tuple[str, ...]
    contacts: tuple[str, ...]
    event: str


THEMES = (
    Theme("klimaatadaptatie en waterbeheer", "De gemeente bereidt zich voor op hevige regenval en lange droogte.",
          ("Leren hoe de stad waterpleinen en groene daken financiert", "Kennis opdoen over het vasthouden van regenwater in wijken"),
          ("Het rekenmodel voor groene daken wordt gebruikt in de eigen klimaatagenda", "Er is nog geen vergelijkbare financiering gevonden"),
          ("Hoofd klimaatadaptatie", "Directeur waterbedrijf", "Landschapsarchitecten"), "Urban Water Resilience Forum"),
    Theme("fietsbeleid en fietsparkeren", "Het aantal fietsers rond het station groeit sneller dan de stallingen.",
          ("Zien hoe fietsparkeren bij stations is georganiseerd", "Leren hoe fietspaden in de winter begaanbaar blijven"),
          ("Het ontwerp van de stalling wordt meegenomen in de stationsvisie", "De aanpak van gladheidsbestrijding wordt overgenomen"),
          ("Fietscoördinator", "Verkeerskundigen", "Wethouder Mobiliteit"), "Velo-city"),
    Theme("de energietransitie en warmtenetten", "De gemeente moet wijken van het aardgas halen.",
          ("Leren hoe warmtenetten in bestaande wijken worden aangelegd", "Contacten leggen met energiebedrijven"),
          ("Een energiebedrijf deelt zijn businesscase voor warmtenetten", "Bewonersparticipatie blijkt de sleutel tot succes"),
          ("Directeur warmte", "Projectleiders energietransitie", "Onderzoekers duurzame energie"), "European Energy Cities Summit"),
    Theme("betaalbare woningbouw", "De wachtlijsten voor sociale huurwoningen zijn lang.",
          ("Begrijpen hoe de stad met een grondfonds de bouwkosten laag houdt", "Zien hoe bouwgroepen samen woningen ontwikkelen"),
          ("De raad laat de grondprijsregels doorrekenen", "Bouwgroepen worden onderzocht voor een nieuwe wijk"),
          ("Wethouder Wonen", "Directeur woningcorporatie", "Stedenbouwkundigen"), "Housing Europe Conference"),
    Theme("haven, logistiek en waterstof", "De haven wil de aanvoer van waterstof versnellen.",
          ("Samenwerking verkennen tussen de havens", "Leren hoe walstroom voor zeeschepen wordt aangelegd"),
          ("De havens stellen samen een intentieverklaring op", "Walstroom blijkt sneller te realiseren dan gedacht"),
          ("Havenmeester", "Directeur havenbedrijf", "Adviseurs logistiek"), "World Ports Conference"),
    Theme("digitale dienstverlening", "Inwoners willen hun zaken met de gemeente online regelen.",
          ("Leren hoe de stad haar diensten digitaal aanbiedt", "Afspraken maken over het delen van open software"),
          ("De digitale balie dient als voorbeeld voor het eigen programma", "Er is een afspraak over gedeelde open-source componenten"),
          ("Chief Digital Officer", "Ontwikkelaars", "Privacyfunctionaris"), "Smart City Expo"),
    Theme("cultuur en erfgoed", "De gemeente herziet haar cultuurnota.",
          ("Zien hoe culturele instellingen samen programmeren", "Een uitwisseling tussen musea voorbereiden"),
          ("Twee musea bereiden een gezamenlijke tentoonstelling voor", "De aanpak van cultuureducatie wordt overgenomen"),
          ("Directeur stadsmuseum", "Wethouder Cultuur", "Programmeurs"), "European Capitals of Culture Forum"),
    Theme("onderwijs en de arbeidsmarkt", "Het lerarentekort raakt veel scholen in de stad.",
          ("Leren hoe zij-instromers op de werkvloer worden opgeleid", "Contacten leggen met hogescholen"),
          ("Er komt een uitwisseling van docenten", "Het opleidingsmodel wordt onderzocht voor de regio"),
          ("Schoolbestuurders", "Directeur hogeschool", "Onderzoekers onderwijs"), "Education Cities Summit"),
    Theme("circulaire economie en textiel", "De gemeente wil minder afval verbranden.",
          ("Zien hoe textiel in de regio wordt ingezameld en hergebruikt", "Bedrijven interesseren voor een circulaire hub"),
          ("Een textielbedrijf onderzoekt een vestiging in de regio", "De inzamelaanpak wordt in een proef getest"),
          ("Directeur recyclingbedrijf", "Ondernemers", "Beleidsmedewerkers afval"), "Circular Cities Week"),
    Theme("veiligheid en ondermijning", "Criminelen gebruiken legale bedrijven om geld wit te wassen.",
          ("Leren hoe de stad met het bestuurlijk instrumentarium ondermijning aanpakt", "Samenwerking met de politie van de stad verkennen"),
          ("Er komt een uitwisseling tussen de veiligheidsteams", "De aanpak van vastgoedcontrole is overgenomen"),
          ("Burgemeester", "Hoofdcommissaris van politie", "Officier van justitie"), "European Forum for Urban Security"),
    Theme("openbaar vervoer en de tram", "De stad groeit en het centrum moet bereikbaar blijven.",
          ("Leren hoe de stad een tramlijn in korte tijd heeft aangelegd", "Zien hoe overlast voor bewoners is beperkt"),
          ("De aanbestedingsaanpak wordt gebruikt voor de nieuwe tramlijn", "Twee projectleiders komen in het najaar op bezoek"),
          ("Projectdirecteur tramlijn", "Directeur vervoerbedrijf", "Omgevingsmanagers"), "UITP Summit"),
    Theme("toerisme en binnenstad", "Drukte in de binnenstad zet de leefbaarheid onder druk.",
          ("Leren hoe de stad toeristenstromen spreidt", "Zien hoe vakantieverhuur wordt gereguleerd"),
          ("De regels voor vakantieverhuur worden vergeleken met de eigen verordening", "Er komt een gezamenlijk onderzoek naar drukte"),
          ("Directeur citymarketing", "Wethouder Economie", "Ondernemers binnenstad"), "Cities and Tourism Forum"),
)  # fmt: skip

TRAVELLERS = (
    ("Burgemeester", "bestuurder"), ("Wethouder", "bestuurder"), ("Gemeentesecretaris", "ambtenaar"),
    ("Raadslid", "raadslid"), ("Beleidsadviseur", "ambtenaar"), ("Programmamanager", "ambtenaar"),
    ("Projectleider", "ambtenaar"), ("Griffier", "ambtenaar"),
)  # fmt: skip
OPENERS = (
    "Op uitnodiging van de stad {city} bracht een delegatie van de gemeente {home} een werkbezoek aan {city} ({country}).",
    "Een delegatie van de gemeente {home} nam in {city} ({country}) deel aan het {event}.",
    "De gemeente {home} bezocht {city} ({country}) om te leren van de aanpak van {topic}.",
)
PURPOSE_TAIL = (
    "De reis ging over {topic}. {why}",
    "{why} {city} wordt internationaal gezien als voorbeeld op het gebied van {topic}.",
    "Centraal stond {topic}. {why} Er is gesproken met bestuurders, ambtenaren en kennisinstellingen.",
)


class Command(BaseCommand):
    help = _(
        "Create N synthetic published trips (default 100,000) for benchmarks, then rebuild the search index."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("count", nargs="?", type=int, default=100_000, help=_("how many trips"))
        parser.add_argument(
            "--seed", type=int, default=1, help=_("random seed (same seed, same trips)")
        )
        parser.add_argument(
            "--batch", type=int, default=2_000, help=_("trips per database transaction")
        )
        parser.add_argument(
            "--no-index", action="store_true", help=_("do not rebuild the search index")
        )

    def handle(self, *args: Any, **options: Any) -> None:
        rng = random.Random(options["seed"])
        organisations = [
            ensure(f"Gemeente {name}", code, home_city=name) for name, code in MUNICIPALITIES
        ]
        started = time.perf_counter()
        done = 0
        while done < options["count"]:
            size = min(options["batch"], options["count"] - done)
            _write_batch(rng, organisations, size)
            done += size
            if options["verbosity"] >= 2:
                self.stderr.write(f"{done}/{options['count']}")
        trips.record(
            None, "generated", user=None, note=f"{done} synthetic trips (seed {options['seed']})"
        )
        self.stdout.write(
            _("%(count)d trips written in %(seconds).1f s.")
            % {"count": done, "seconds": time.perf_counter() - started}
        )
        # Published trips have their public copy, as after a real publication (ADR 7).
        started = time.perf_counter()
        publication.freeze_all()
        self.stdout.write(
            _("Public copies made in %(seconds).1f s.") % {"seconds": time.perf_counter() - started}
        )
        if not options["no_index"]:
            self.stdout.write(
                _("Search index rebuilt in %(seconds).1f s.") % {"seconds": _rebuild_index()}
            )


def _rebuild_index() -> float:
    from reisregister.search import service as search

    started = time.perf_counter()
    rebuild = getattr(search, "rebuild", None)
    if rebuild is not None:
        rebuild()
    return time.perf_counter() - started


def _write_batch(rng: random.Random, organisations: list[Organisation], size: int) -> None:
    plans = [_plan(rng, rng.choice(organisations)) for _ in range(size)]
    with transaction.atomic():
        created = Trip.objects.bulk_create([plan.trip for plan in plans])
        for plan, trip in zip(plans, created, strict=True):
            plan.bind(trip)
        Goal.objects.bulk_create([goal for plan in plans for goal in plan.goals])
        for plan in plans:
            plan.link_outcomes()
        for model in (Traveller, Destination, Contact, Outcome, FollowUp, CostLine):
            rows = [row for plan in plans for row in plan.rows if isinstance(row, model)]
            model.objects.bulk_create(rows)


@dataclass
class _Plan:
    """One trip and its rows, before the trip has a primary key."""

    trip: Trip
    goals: list[Goal]
    outcome_goals: list[tuple[Outcome, int]]
    rows: list[Any]

    def bind(self, trip: Trip) -> None:
        for row in (*self.goals, *self.rows):
            row.trip = trip

    def link_outcomes(self) -> None:
        for outcome, goal_index in self.outcome_goals:
            outcome.goal = self.goals[goal_index]


def _plan(rng: random.Random, organisation: Organisation) -> _Plan:
    theme = rng.choice(THEMES)
    city_nl, city, country, country_nl, lat, lon, far = rng.choice(CITIES)
    start = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(4000))
    end = start + dt.timedelta(days=rng.randint(2, 8) if far else rng.randint(0, 4))
    event = f"{theme.event} {start.year}" if rng.random() < 0.5 else ""
    fill = {"city": city_nl, "country": country_nl, "home": organisation.home_city, "topic": theme.topic,
            "why": theme.why, "event": event or theme.event}  # fmt: skip
    purpose = rng.choice(OPENERS).format(**fill) + " " + rng.choice(PURPOSE_TAIL).format(**fill)
    published = timezone.make_aware(
        dt.datetime.combine(end + dt.timedelta(days=rng.randint(7, 60)), dt.time(10))
    )
    trip = Trip(
        organisation=organisation, title=f"Werkbezoek {city_nl}: {theme.topic}", status=Status.PUBLISHED,
        purpose=purpose, start_date=start, end_date=end,
        travel_days=[start.isoformat(), end.isoformat()] if end > start else [start.isoformat()],
        event_name=event, transport_mode="air" if far else rng.choice(("train", "train", "train", "car", "air")),
        funding=rng.choice(("own", "own", "own", "third_party", "partly")), published_at=published,
    )  # fmt: skip
    if trip.funding != "own":
        trip.funding_party = f"Stad {city_nl}"
    goals = [Goal(label=chr(65 + i), text=text, position=i) for i, text in enumerate(theme.goals)]
    outcome = Outcome(
        text=rng.choice(theme.outcomes), achieved=rng.choice(("yes", "partly", "no", "unknown"))
    )
    role, category = rng.choice(TRAVELLERS)
    rows: list[Any] = [
        Traveller(
            role=role, category=category, text=f"{role} van de gemeente {organisation.home_city}"
        ),
        Destination(city=city, country=country, lat=lat, lon=lon),
        Contact(
            role=rng.choice(theme.contacts),
            organisation=f"Stad {city_nl}",
            city=city,
            country=country,
            count=rng.randint(1, 5),
        ),
        outcome,
        FollowUp(
            action=f"{city_nl} deelt de resultaten van de aanpak van {theme.topic}",
            owner=organisation.name,
            counterparties=[f"Stad {city_nl}"],
            due_date=end + dt.timedelta(days=rng.randint(30, 180)),
        ),
        CostLine(
            category="transport",
            actual_amount=Decimal(rng.randint(80, 2400)),
            payer=organisation.name,
        ),
        CostLine(
            category="accommodation",
            actual_amount=Decimal(rng.randint(90, 260) * max(1, (end - start).days)),
        ),
    ]
    return _Plan(trip, goals, [(outcome, rng.randrange(len(goals)))], rows)
