"""The work area for editors and reviewers (mounted at /werk/)."""

from reisregister.trips.views.dashboard import dashboard
from reisregister.trips.views.documents import places, source
from reisregister.trips.views.editing import edit_trip, new_trip, review_trip
from reisregister.trips.views.history import history
from reisregister.trips.views.transitions import transition

__all__ = [
    "dashboard",
    "edit_trip",
    "history",
    "new_trip",
    "places",
    "review_trip",
    "source",
    "transition",
]
