from reisparse.cli import run

run()
