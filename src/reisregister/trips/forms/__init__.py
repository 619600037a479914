"""The report form: the trip's own fields and its structured rows (see ``editor.TripEditor``)."""

from reisregister.trips.forms.editor import TripEditor, initial_for, trip_data_of
from reisregister.trips.forms.rows import ROW_FORMS
from reisregister.trips.forms.trip import TripForm, confirm_name

__all__ = ["ROW_FORMS", "TripEditor", "TripForm", "confirm_name", "initial_for", "trip_data_of"]
