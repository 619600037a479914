from reisregister.trips.models.audit import AuditEvent
from reisregister.trips.models.parts import (
    Achieved,
    Contact,
    CostCategory,
    CostLine,
    Destination,
    Goal,
    Outcome,
    ProgrammeItem,
    Traveller,
    TravellerCategory,
)
from reisregister.trips.models.trip import Funding, Status, TransportMode, Trip

__all__ = [
    "Achieved",
    "AuditEvent",
    "Contact",
    "CostCategory",
    "CostLine",
    "Destination",
    "Funding",
    "Goal",
    "Outcome",
    "ProgrammeItem",
    "Status",
    "TransportMode",
    "Traveller",
    "TravellerCategory",
    "Trip",
]
