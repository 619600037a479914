"""Write the JSON Schema of reisparse.report/1, generated from the model, to docs/schema/."""

from __future__ import annotations

import json
from pathlib import Path

from reisparse.model import json_schema

TARGET = Path(__file__).resolve().parent.parent / "docs" / "schema" / "reisparse.report-1.json"


def render() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def main() -> None:
    TARGET.write_text(render(), encoding="utf-8")
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
