"""Evidence of imported values: every value read from a report points at the words it was read from, also
where the register stores it in another form (a Dutch place name, a mode of transport, a kind of funding)."""

from __future__ import annotations

from reisregister.accounts.models import User
from reisregister.ingest.mapping import to_trip_data
from reisregister.ingest.service import ImportStatus, import_document
from reisregister.organisations.models import Organisation
from reisregister.trips.models import Funding, TransportMode, Trip

REPORT_ON_VIENNA = """\
Gemeente Almere
Reisverslag werkbezoek Wenen

HOELANG DUURDE DE REIS?

8 t/m 10 oktober 2025 (8 en 10 oktober waren reisdagen)

WAT WAS HET DOEL VAN DE REIS?

Wethouder Wonen Sanne de Wit bracht een werkbezoek aan Wenen om te leren hoe de stad betaalbare
huurwoningen bouwt. De reis ging per nachttrein en werd betaald uit het eigen budget.

WELKE LOCATIES ZIJN BEZOCHT?

Wenen (Oostenrijk): het stadhuis en de nieuwe wijk Seestadt.

WAT HEEFT DE REIS DE GEMEENTE OPGELEVERD?

Een helder beeld van de Weense grondprijsregels.

ZIJN ER VERVOLGAFSPRAKEN? ZO JA, WELKE?

Het Weense grondfonds stuurt een samenvatting van zijn regels.
"""


def _import(text: str, organisation: Organisation, user: User) -> list[Trip]:
    result = import_document(
        text.encode(), filename="wenen.txt", organisation=organisation, user=user
    )
    assert result.status == ImportStatus.IMPORTED, result.message
    return result.trips


def test_a_dutch_place_name_is_the_evidence_of_its_destination(
    almere: Organisation, charlie: User
) -> None:
    [trip] = _import(REPORT_ON_VIENNA, almere, charlie)

    [destination] = trip.destinations.all()
    assert (destination.city, destination.country) == ("Vienna", "AT")
    assert destination.span_start is not None and destination.span_end is not None
    assert trip.source_text[destination.span_start : destination.span_end] == "Wenen"
    assert destination.confirmed is False


def test_the_letterhead_is_not_the_title_of_the_imported_trip(
    almere: Organisation, charlie: User
) -> None:
    [trip] = _import(REPORT_ON_VIENNA, almere, charlie)

    assert trip.title == "Reisverslag werkbezoek Wenen"


def test_transport_and_funding_stated_in_prose_are_imported_with_their_evidence(
    almere: Organisation, charlie: User
) -> None:
    [trip] = _import(REPORT_ON_VIENNA, almere, charlie)

    assert trip.transport_mode == TransportMode.TRAIN
    assert trip.funding == Funding.OWN
    start, end = trip.field_evidence["transport_mode"]
    assert trip.source_text[start:end] == "per nachttrein"
    start, end = trip.field_evidence["funding"]
    assert trip.source_text[start:end] == "eigen budget"


def test_a_destination_without_a_span_is_found_by_the_name_the_text_uses(
    almere: Organisation,
) -> None:
    text = (
        "Verslag\n\nDe delegatie bezocht op 4 juni 2025 Keulen en sprak er met de burgemeester.\n"
    )
    report = {"text": text, "destinations": [{"city": "Cologne", "country": "DE"}]}

    data = to_trip_data(report, organisation=almere)

    [destination] = data.destinations
    assert text[destination["span_start"] : destination["span_end"]] == "Keulen"


def test_a_span_given_with_the_destination_is_kept(almere: Organisation) -> None:
    text = "Wenen, Wenen en nog eens Wenen."
    report = {"text": text, "destinations": [{"city": "Vienna", "country": "AT", "span": [7, 12]}]}

    data = to_trip_data(report, organisation=almere)

    assert (data.destinations[0]["span_start"], data.destinations[0]["span_end"]) == (7, 12)


def test_a_cancellation_reason_read_across_a_line_break_has_its_evidence(
    almere: Organisation,
) -> None:
    text = (
        "Het werkbezoek aan Gent is geannuleerd: de wethouder moest in de\ngemeenteraad blijven.\n"
    )
    report = {
        "text": text,
        "cancelled": True,
        "cancellation_reason": "de wethouder moest in de gemeenteraad blijven",
    }

    data = to_trip_data(report, organisation=almere)

    start, end = data.field_evidence["cancellation_reason"]
    assert text[start:end] == "de wethouder moest in de\ngemeenteraad blijven"


def test_a_share_paid_by_a_third_party_points_at_that_party(almere: Organisation) -> None:
    text = (
        "De deelnamekosten werden betaald door de European Cyclists' Federation; reis en verblijf uit "
        "het eigen budget.\n"
    )
    report = {"text": text, "funding": "deels door European Cyclists' Federation"}

    data = to_trip_data(report, organisation=almere)

    assert data.funding == Funding.PARTLY
    start, end = data.field_evidence["funding"]
    assert text[start:end] == "European Cyclists' Federation"


def test_own_money_stated_in_other_words_points_at_those_words(almere: Organisation) -> None:
    text = "Het werkbezoek ging per trein; de kosten waren voor eigen rekening.\n"

    data = to_trip_data({"text": text, "funding": "eigen budget"}, organisation=almere)

    assert data.funding == Funding.OWN
    start, end = data.field_evidence["funding"]
    assert text[start:end] == "eigen rekening"
