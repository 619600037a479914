"""PDF renditions of published trips: the trip report, and the redacted rendition of its source document.

Both are built from the publication boundary's view objects only (``publication.service``), so they show exactly
what the public page shows: every redacted passage is its mark, drawn as a black box with the Woo ground in it,
and the redaction log (lakoverzicht) closes the document. A rendition is made from text alone, never from the
uploaded file, so nothing of the original (its author, software, revision history, images) can reach it.

``report.render(trip)`` and ``document.render(source)`` return a ``Rendition``. The modules import reportlab at
the top: import them inside the function that needs them, as ``rendition_views`` does, so start-up stays fast.
"""
