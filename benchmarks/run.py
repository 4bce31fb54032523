"""appcheck's benchmark: one run, every figure of docs/performance.md, as ratios against the targets.

    pip install -e '.[bench]'          # jsonschema-rs and check-jsonschema
    python benchmarks/run.py           # about 15 minutes on 2 cores; --quick for a smoke run

Not part of the test suite. Bundles come from benchmarks/generate.py (seeded, ~9 KB, valid and
invalid mixed, every covered topic). In process, each timing is the least CPU time of several
rounds; a process is timed by the wall clock and by its CPU time (user + system), after one warm-up
run that also writes the bytecode an installed package would have; the commands compared run once a
round in turn, and a ratio of processes is the median of each round's pair, so that both sides of a
ratio always saw the same load on a shared machine. Every ratio compares figures of the same run.

1. in process, per bundle: ``json.loads`` of the text; jsonschema-rs alone (the fastest engine, on
   the loaded bundle); plain ``jsonschema`` (Draft 2020-12, validator built once per topic, all
   errors) on the same schema; ``appcheck.validate()`` on the bytes, fast and pure-Python paths;
2. processes: ``appcheck validate`` on 1 file and on 1,000 files (with the default ``--jobs auto``,
   and with ``--jobs 1``), and ``check-jsonschema
   --schemafile <topic schema> ...`` on the same files (the self-contained schema of
   ``appcheck schema CALL/TOPIC``, so it resolves every $ref offline);
3. memory: peak RSS of ``appcheck validate DIR`` over 100 and 10,000 files
   (``getrusage(RUSAGE_CHILDREN)`` in a fresh parent each) and of a process calling ``validate()``
   on each file in turn (what a CI script of one's own does), and the tracemalloc peak of
   sequential ``validate()`` in process over 100 and 10,000 bundles (the same 100 bundles, cycled,
   so that only the count differs), after 700 other bundles have filled the per-topic caches
   (validators, compiled patterns: bounded by the number of topics); 3b: peak RSS of ``appcheck
   validate DIR`` over 100 and 10,000 files of each topic alone; 3c: one process checking 100,
   10,000 and 100,000 generated bundles of a topic with a batch check as one batch (made as they
   are checked, never written to files), under a fresh parent;
4. the worst case: one bundle as large as the size limit allows (10 MiB), made of one thing repeated
   that every check finds wrong (``python benchmarks/run.py --worst-case`` runs only this): time,
   peak RSS and report size stay bounded, since findings are capped.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

AS_OF = "2022-05-10"
ONE_TOPIC = "gd-2022/research"
#: the topic of the 100,000-bundle batch: the benchmark's own topic, which has a batch check (one identity per person)
GENERATED_TOPIC = ONE_TOPIC


def _best(function, rounds: int) -> float:
    """Least CPU time of ``function()`` over ``rounds`` rounds, in seconds (this process's CPU time:
    other work on a shared machine changes it far less than the wall clock)."""
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        function()
        best = min(best, time.process_time() - start)
    return best


def machine() -> list[str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        total = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {total / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    versions = []
    for name in ("appcheck", "jsonschema", "jsonschema-rs", "check-jsonschema"):
        try:
            from importlib.metadata import version

            versions.append(f"{name} {version(name)}")
        except Exception:  # noqa: BLE001
            versions.append(f"{name} (not installed)")
    load = os.getloadavg() if hasattr(os, "getloadavg") else ("?",)
    return [
        f"machine: {cpu}, {os.cpu_count()} cores{memory}; {platform.system()} {platform.release()}",
        f"python {platform.python_version()}; {'; '.join(versions)}",
        f"load average at start: {' '.join(f'{x:.2f}' if isinstance(x, float) else x for x in load)}",
    ]


# ----------------------------------------------------------------------------- 1. in process

def in_process(count: int, rounds: int, out) -> dict:
    import jsonschema
    import referencing
    import referencing.jsonschema

    import appcheck
    from appcheck import fastpath, loading, schemas
    from appcheck.engine import Source
    from appcheck.engine.envelope import resolve_topic

    made = list(generate.bundles(count))
    items = []
    for name, text, kind in made:
        raw = text.encode("utf-8")
        data = loading.load_bytes(raw).data
        _, topic, _, _ = resolve_topic(data)
        items.append((name, raw, text, kind, topic.schema if topic else None, data))
    valid = [item for item in items if item[3] == "valid"]

    plain_schemas = {n: json.loads(e.read_text(encoding="utf-8")) for n, e in schemas.json_files(schemas.schema_root())}
    plain_registry = referencing.Registry().with_resources(
        (schemas.schema_uri(n, c), referencing.Resource.from_contents(c, default_specification=referencing.jsonschema.DRAFT202012))
        for n, c in plain_schemas.items()
    )
    plain = {n: jsonschema.Draft202012Validator(plain_schemas[n], registry=plain_registry) for n in {i[4] for i in items}}
    fast = {n: fastpath.validator(n) for n in plain}

    def loads(group):
        for item in group:
            json.loads(item[2])

    def rs_check(group):
        for item in group:
            fast[item[4]].is_valid(item[5])

    def plain_check(group):
        for item in group:
            list(plain[item[4]].iter_errors(json.loads(item[2])))

    def schema_stage(group):  # validate()'s load and schema check: the strict loader, then the fast path
        for item in group:
            data = loading.load_bytes(item[1]).data
            if not fastpath.is_valid(item[4], data):
                list(schemas.validator_for(item[4]).iter_errors(data))

    def check(group):
        for item in group:
            appcheck.validate(Source(item[0], item[1]), as_of=AS_OF)

    def read_ok(group):  # validate() and its verdict: every finding built (a report builds them when first read)
        for item in group:
            appcheck.validate(Source(item[0], item[1]), as_of=AS_OF).ok

    def full(group):  # validate() and the whole report: every message, position and field
        for item in group:
            appcheck.validate(Source(item[0], item[1]), as_of=AS_OF).to_dict()

    def pure(group):
        fastpath.use_engine("python")
        try:
            check(group)
        finally:
            fastpath.use_engine(None)

    for function in (loads, rs_check, plain_check, schema_stage, check, read_ok, full, pure):  # warm every cache
        function(items)
    results = {}
    for label, group in (("valid", valid), ("all", items)):
        per = {}
        for key, function in (("json.loads", loads), ("jsonschema-rs", rs_check), ("jsonschema", plain_check),
                              ("appcheck load + schema check", schema_stage), ("validate", check),
                              ("validate + ok", read_ok),
                              ("validate + to_dict()", full), ("validate (pure)", pure)):
            per[key] = _best(lambda: function(group), rounds) / len(group) * 1e6
        results[label] = per
    sizes = [len(item[1]) for item in items]
    print(f"\n1. in process: {len(items)} bundles ({len(valid)} valid), {min(sizes)}-{max(sizes)} bytes, "
          f"mean {statistics.mean(sizes) / 1024:.1f} KB, least CPU time of {rounds} rounds; microseconds a bundle", file=out)
    print(f"   {'':28s} {'valid':>10s} {'all':>10s}", file=out)
    for key in results["valid"]:
        print(f"   {key:28s} {results['valid'][key]:10.1f} {results['all'][key]:10.1f}", file=out)
    return results


# ----------------------------------------------------------------------------- 2. processes

def _appcheck() -> list[str]:
    script = Path(sys.executable).with_name("appcheck")
    return [str(script)] if script.exists() else [sys.executable, "-m", "appcheck"]


def _check_jsonschema() -> list[str] | None:
    script = Path(sys.executable).with_name("check-jsonschema")
    if script.exists():
        return [str(script)]
    found = shutil.which("check-jsonschema")
    return [found] if found else None


#: compiled bytecode, as an installed package has it (an editable checkout may run without it)
_ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def _once(command: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system, the process and its children) of running ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=_ENV)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def _paired(commands: dict[str, list[str]], rounds: int) -> tuple[dict[str, tuple[float, float]], dict[str, list[tuple[float, float]]]]:
    """Run each command once a round, in turn, after one warm-up run each (which also writes the
    bytecode an installed package would have): the least wall and CPU time of each, and every
    round's times, so that commands of the same round (same machine load) can be compared."""
    for command in commands.values():
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=_ENV)
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, command in commands.items():
            runs[name].append(_once(command))
    best = {name: (min(w for w, _ in times), min(c for _, c in times)) for name, times in runs.items()}
    return best, runs


def processes(work: Path, files: int, rounds: int, out) -> dict:
    from appcheck import explain

    folder = work / "one-topic"
    paths = generate.write(folder, files, topic=ONE_TOPIC)
    one = next(p for p in paths if p.name.endswith("-valid.json"))
    schema = work / "schema.json"
    schema.write_text(explain.to_json(explain.editor_schema(ONE_TOPIC)), encoding="utf-8")
    appcheck = _appcheck() + ["validate", "--as-of", AS_OF]
    checker = _check_jsonschema()
    one_file = {"appcheck 1 file": appcheck + [str(one)]}
    many = {f"appcheck {files} files": appcheck + [str(folder)],  # --jobs auto
            f"appcheck {files} files --jobs 1": appcheck + ["--jobs", "1", str(folder)]}
    if checker is not None:
        one_file["check-jsonschema 1 file"] = checker + ["--schemafile", str(schema), str(one)]
        many[f"check-jsonschema {files} files"] = checker + ["--schemafile", str(schema)] + [str(p) for p in paths]
    results, runs = {}, {}
    for commands in (one_file, many):
        best, times = _paired(commands, rounds)
        results.update(best)
        runs.update(times)
    print(f"\n2. processes ({ONE_TOPIC}, valid one.json; {files} files mixed); {rounds} rounds, each command once a round"
          " in turn; least wall and CPU time, milliseconds", file=out)
    print(f"   {'':34s} {'wall':>10s} {'CPU':>10s}", file=out)
    for key, (wall, cpu) in results.items():
        print(f"   {key:34s} {wall * 1e3:10.1f} {cpu * 1e3:10.1f}", file=out)
    results["runs"] = runs
    return results


def _ratio(procs: dict, mine: str, theirs: str, which: int) -> float:
    """The median over rounds of ``mine / theirs`` (wall: 0, CPU: 1), each round's two runs side by side."""
    runs = procs["runs"]
    return statistics.median(a[which] / b[which] for a, b in zip(runs[mine], runs[theirs]))


# ----------------------------------------------------------------------------- 3. memory

_CHILD_RSS = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)

_TRACED = (
    "import sys, tracemalloc\n"
    "sys.path.insert(0, sys.argv[1])\n"
    "import generate, appcheck\n"
    "from appcheck.engine import Source\n"
    "for _, valid, failing in generate.topics():  # the generator's own cache of the examples\n"
    "    [generate._read(path) for path in valid + failing]\n"
    "for name, text, _ in generate.bundles(700, seed=1):  # every topic's caches, both paths, filled first\n"
    "    appcheck.validate(Source(name, text.encode()), as_of='%s')\n"
    "made = [(name, text.encode()) for name, text, _ in generate.bundles(int(sys.argv[3]))]\n"
    "tracemalloc.start()\n"
    "for index in range(int(sys.argv[2])):  # the same bundles over and over: what grows is the count's doing\n"
    "    name, raw = made[index %% len(made)]\n"
    "    appcheck.validate(Source(name, raw), as_of='%s')\n"
    "import gc; gc.collect()  # retained = still reachable once reference cycles are collected\n"
    "current, peak = tracemalloc.get_traced_memory()\n"
    "print(peak, current)\n"
) % (AS_OF, AS_OF)

_SEQUENTIAL = (
    "import os, sys, appcheck\n"
    "folder = sys.argv[1]\n"
    "for name in sorted(os.listdir(folder)):\n"
    "    appcheck.validate(os.path.join(folder, name), as_of='%s')\n"
) % AS_OF


_GENERATED = (
    "import resource, sys\n"
    "sys.path.insert(0, sys.argv[1])\n"
    "import generate\n"
    "from appcheck import engine\n"
    "from appcheck.reporters import Options, reporter\n"
    "count, topic = int(sys.argv[2]), sys.argv[3]\n"
    "made = (engine.Source(name, text.encode()) for name, text, _ in generate.bundles(count, topic=topic))\n"
    "with engine.check_batch(made, as_of='%s', jobs=int(sys.argv[4])) as batch, open(__import__('os').devnull, 'w') as out:\n"
    "    reporter('json').write(batch, Options(), out)\n"
    "    print(len(batch.reports), sum(len(f.bundles) for f in batch.findings))\n"
) % AS_OF

#: a fresh parent (whose peak RSS is not that of a large process it was forked from) that runs a
#: command, passes on what it prints and prints the peak RSS of the command and its own children
_CHILD_RSS_PASS = (
    "import resource, subprocess, sys\n"
    "done = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)\n"
    "sys.stdout.write(done.stdout.decode())\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def _cli_rss(folder: Path) -> float:
    """Peak RSS (MiB) of ``appcheck validate --format json DIR``, in a fresh parent."""
    command = _appcheck() + ["validate", "--as-of", AS_OF, "--format", "json", "--no-progress", str(folder)]
    done = subprocess.run([sys.executable, "-c", _CHILD_RSS, *command], capture_output=True, text=True, check=True, env=_ENV)
    return int(done.stdout.split()[-1]) / 1024


def memory_by_topic(work: Path, small: int, large: int, out, only: list[str] | None = None) -> dict:
    """Peak RSS of ``appcheck validate DIR`` over ``small`` and ``large`` files of each topic alone
    (a topic with batch checks keeps their keys: this is where that would show); ``only``: these topics."""
    from appcheck import topics

    results = {}
    for name, _, _ in generate.topics():
        if only and name not in only:
            continue
        call, topic = name.split("/")
        batch = any(check.batch for check in topics.call(call).topic(topic).checks)
        row = []
        for count in (small, large):
            folder = work / f"topic-{count}"
            generate.write(folder, count, topic=name)
            row.append(_cli_rss(folder))
            shutil.rmtree(folder)
        results[name] = (batch, *row)
    print(f"\n3b. memory by topic: peak RSS of appcheck validate DIR over {small} and {large} files of one topic (MiB)", file=out)
    print(f"   {'topic':40s} {'batch':>5s} {small:>8d} {large:>8d} {'ratio':>7s}", file=out)
    for name, (batch, a, b) in results.items():
        print(f"   {name:40s} {'yes' if batch else '':>5s} {a:8.1f} {b:8.1f} {b / a:7.2f}", file=out)
    return results


def memory_generated(counts: tuple[int, ...], topic: str, out) -> dict:
    """Peak RSS of one process checking ``count`` generated bundles of ``topic`` as one batch (made as
    they are checked, never written to files) and writing the JSON report, for each count."""
    results = {}
    for count in counts:
        start = time.perf_counter()
        command = [sys.executable, "-c", _GENERATED, str(HERE), str(count), topic, "2"]
        done = subprocess.run([sys.executable, "-c", _CHILD_RSS_PASS, *command], capture_output=True, text=True, check=True, env=_ENV)
        reports, named = map(int, done.stdout.split()[-3:-1])
        results[count] = (int(done.stdout.split()[-1]) / 1024, time.perf_counter() - start, named)
        assert reports == count, done.stdout
    print(f"\n3c. one batch of generated {topic} bundles (a batch check: its keys go to disk past 100 bundles),"
          " check_batch(jobs=2) and the JSON report in one process", file=out)
    print(f"   {'bundles':>10s} {'peak RSS (MiB)':>15s} {'wall (s)':>10s} {'bundles named by batch findings':>32s}", file=out)
    for count, (rss, wall, named) in results.items():
        print(f"   {count:10d} {rss:15.1f} {wall:10.1f} {named:32d}", file=out)
    return results


def memory(work: Path, small: int, large: int, out) -> dict:
    results = {}
    for count in (small, large):
        folder = work / f"mixed-{count}"
        generate.write(folder, count)
        command = _appcheck() + ["validate", "--as-of", AS_OF, "--format", "json", str(folder)]
        done = subprocess.run([sys.executable, "-c", _CHILD_RSS, *command], capture_output=True, text=True, check=True, env=_ENV)
        results[f"CLI peak RSS, {count} files (MiB)"] = int(done.stdout.split()[-1]) / 1024
        command = [sys.executable, "-c", _SEQUENTIAL, str(folder)]
        done = subprocess.run([sys.executable, "-c", _CHILD_RSS, *command], capture_output=True, text=True, check=True, env=_ENV)
        results[f"sequential validate() peak RSS, {count} files (MiB)"] = int(done.stdout.split()[-1]) / 1024
        done = subprocess.run([sys.executable, "-c", _TRACED, str(HERE), str(count), str(small)], capture_output=True, text=True, check=True, env=_ENV)
        peak, current = map(int, done.stdout.split()[-2:])
        results[f"validate() tracemalloc peak, {count} bundles (MiB)"] = peak / 1024 / 1024
        results[f"validate() tracemalloc retained after {count} (MiB)"] = current / 1024 / 1024
        shutil.rmtree(folder)
    print(f"\n3. memory: {small} vs {large} bundles, every topic, mixed", file=out)
    for key, value in results.items():
        print(f"   {key:50s} {value:10.3f}" if "tracemalloc" in key else f"   {key:50s} {value:10.1f}", file=out)
    return results


# ----------------------------------------------------------------------------- worst case

_WORST_RUN = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "done = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)\n"
    "wall = time.perf_counter() - start\n"
    "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, len(done.stdout), done.returncode, done.stdout.count(b'\"requirement\"'))\n"
)


def _worst_bundles(limit: int) -> dict[str, str]:
    """Bundles as large as ``--max-bytes`` allows, each made of one thing repeated that every check
    finds wrong: the most findings, and the most work, a bundle under the limit can ask for."""
    base = json.loads((HERE.parent / "examples" / "gd-2022" / "industrial" / "valid-direction-1.json").read_text(encoding="utf-8"))
    text = json.dumps(base, ensure_ascii=False)

    def filled(path: tuple, item: str) -> str:
        marker = '"@fill@"'
        bundle = json.loads(text)
        node = bundle
        for name in path[:-1]:
            node = node[name]
        node[path[-1]] = "@fill@"
        shell = json.dumps(bundle, ensure_ascii=False)
        room = limit - len(shell.encode()) - 2
        count = max(1, room // (len(item.encode()) + 1))
        return shell.replace(marker, "[" + ",".join([item] * count) + "]")

    return {
        "project.fields: numbers": filled(("project", "fields"), "5"),
        "partners: one id, again and again": filled(("partners",), '{"id":"fhg"}'),
        "team: unknown organizations": filled(("team",), '{"name":"x","organization":"nope","role":"x"}'),
        "agreements: empty objects": filled(("agreements",), "{}"),
        "project.title: one long string": text.replace('"title": "', '"title": "' + "题" * ((limit - len(text.encode())) // 3 - 10), 1),
    }


def worst_case(work: Path, out) -> dict:
    """``appcheck validate --format json`` on one bundle at the default size limit (10 MiB) for each
    shape of :func:`_worst_bundles`: wall and CPU time, peak RSS, report size and findings."""
    from appcheck.loading import Limits

    results = {}
    print(f"\n4. worst case: one bundle at the size limit ({Limits().max_bytes:,} bytes), --format json", file=out)
    print(f"   {'shape':38s} {'wall s':>7s} {'CPU s':>7s} {'RSS MiB':>8s} {'report KiB':>10s} {'findings':>8s}", file=out)
    for name, text in _worst_bundles(Limits().max_bytes).items():
        path = work / "worst.json"
        path.write_text(text, encoding="utf-8")
        command = _appcheck() + ["validate", "--as-of", AS_OF, "--format", "json", str(path)]
        done = subprocess.run([sys.executable, "-c", _WORST_RUN, *command], capture_output=True, text=True, check=True, env=_ENV)
        wall, cpu, rss, size, code, findings = done.stdout.split()
        results[name] = {"wall": float(wall), "cpu": float(cpu), "rss_mib": int(rss) / 1024, "report_kib": int(size) / 1024, "exit": int(code), "findings": int(findings)}
        row = results[name]
        print(f"   {name:38s} {row['wall']:7.2f} {row['cpu']:7.2f} {row['rss_mib']:8.1f} {row['report_kib']:10.1f} {row['findings']:8d}  (exit {row['exit']}, {len(text.encode()):,} bytes)", file=out)
    return results


# ----------------------------------------------------------------------------- targets

def _process_rows(procs: dict, files: int) -> list:
    """The targets of section 2: appcheck's processes against check-jsonschema's, the median of each round's pair."""
    rows: list = []
    if "check-jsonschema 1 file" in procs:
        for clock, which in (("wall", 0), ("CPU", 1)):
            rows += [
                (f"appcheck / check-jsonschema, 1 file ({clock})",
                 _ratio(procs, "appcheck 1 file", "check-jsonschema 1 file", which), "<= 0.4", lambda r: r <= 0.4),
                (f"appcheck / check-jsonschema, {files} files ({clock})",
                 _ratio(procs, f"appcheck {files} files", f"check-jsonschema {files} files", which), "<= 0.25", lambda r: r <= 0.25),
                (f"  the same with --jobs 1 ({clock})",
                 _ratio(procs, f"appcheck {files} files --jobs 1", f"check-jsonschema {files} files", which), "<= 0.25",
                 lambda r: r <= 0.25),
            ]
    return rows


def targets(inproc: dict, procs: dict, mem: dict, by_topic: dict, generated: dict, files: int, small: int, large: int, out) -> None:
    valid = inproc["valid"]
    stage = valid["appcheck load + schema check"]
    fastest = valid["json.loads"] + valid["jsonschema-rs"]
    rows = [
        ("jsonschema / appcheck load + schema check, valid", valid["jsonschema"] / stage, ">= 10", lambda r: r >= 10),
        ("appcheck load + schema check / (json.loads + rs)", stage / fastest, "<= 3", lambda r: r <= 3),
        ("whole validate() / (json.loads + rs), valid", valid["validate"] / fastest, "<= 5", lambda r: r <= 5),
        ("validate() + to_dict() / (json.loads + rs), valid", valid["validate + to_dict()"] / fastest, "<= 8", lambda r: r <= 8),
    ]
    rows += _process_rows(procs, files)
    rows += [
        (f"CLI peak RSS {large} / {small} files", mem[f"CLI peak RSS, {large} files (MiB)"] / mem[f"CLI peak RSS, {small} files (MiB)"],
         "<= 1.1", lambda r: r <= 1.1),
        (f"sequential validate() peak RSS {large} / {small} files",
         mem[f"sequential validate() peak RSS, {large} files (MiB)"] / mem[f"sequential validate() peak RSS, {small} files (MiB)"],
         "<= 1.1", lambda r: r <= 1.1),
    ]
    for name, (batch, a, b) in by_topic.items():
        rows.append((f"CLI peak RSS {large} / {small} files, {name}", b / a, "<= 1.1", lambda r: r <= 1.1))
    counts = sorted(generated)
    rows.append((f"peak RSS {counts[-1]} / {counts[0]} generated {GENERATED_TOPIC}", generated[counts[-1]][0] / generated[counts[0]][0],
                 "<= 1.1", lambda r: r <= 1.1))
    print("\ntargets (ratios of this run; processes: the median of each round's pair)", file=out)
    for label, ratio, target, ok in rows:
        print(f"   {label:66s} {ratio:8.2f}  target {target:7s} {'met' if ok(ratio) else 'NOT MET'}", file=out)
    grown = (mem[f"validate() tracemalloc retained after {large} (MiB)"] - mem[f"validate() tracemalloc retained after {small} (MiB)"]) * 1024 * 1024
    print(f"   for reference: retained after a full collection grows by {grown / (large - small):.1f} bytes a bundle from {small} to {large};"
          f" the tracemalloc peak is {mem[f'validate() tracemalloc peak, {large} bundles (MiB)'] / mem[f'validate() tracemalloc peak, {small} bundles (MiB)']:.2f}x"
          " (the interpreter's free lists filling: see docs/performance.md)", file=out)
    print(f"   for reference: validate() and reading its ok (every finding built) / (json.loads + rs), valid:"
          f" {valid['validate + ok'] / fastest:.2f}", file=out)
    print(f"   for reference: pure-Python validate() / validate(), valid: {valid['validate (pure)'] / valid['validate']:.1f}x;"
          f" jsonschema / jsonschema-rs: {valid['jsonschema'] / valid['jsonschema-rs']:.0f}x", file=out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="appcheck's benchmark (see docs/performance.md)")
    parser.add_argument("--quick", action="store_true", help="small counts, for a smoke run")
    parser.add_argument("--worst-case", action="store_true", help="only the worst case at the size limit (section 4)")
    parser.add_argument("--memory", action="store_true", help="only the memory by topic and of one generated batch (sections 3b and 3c)")
    parser.add_argument("--topic", action="append", metavar="CALL/TOPIC", help="with --memory: 3b for this topic only (repeatable)")
    parser.add_argument("--bundles", action="append", type=int, metavar="N", help="with --memory: 3c for this many bundles only (repeatable)")
    parser.add_argument("--in-process", action="store_true", help="only the in-process times (section 1) and their ratios")
    parser.add_argument("--processes", action="store_true", help="only the processes against check-jsonschema (section 2) and their ratios")
    args = parser.parse_args(argv)
    if args.worst_case:
        with tempfile.TemporaryDirectory(prefix="appcheck-bench-") as tmp:
            worst_case(Path(tmp), sys.stdout)
        return 0
    # in-process rounds are short (a fraction of a second): more of them, so the least is the machine's best
    count, in_rounds, rounds, files, small, large = (70, 2, 2, 50, 20, 200) if args.quick else (350, 15, 5, 1000, 100, 10_000)
    many = (20, 200, 2000) if args.quick else (100, 10_000, 100_000)
    out = sys.stdout
    if args.in_process:
        for line in machine():
            print(line, file=out)
        inproc = in_process(count, in_rounds, out)
        floor = inproc["valid"]["json.loads"] + inproc["valid"]["jsonschema-rs"]
        print("\nratios to json.loads + jsonschema-rs, valid bundles", file=out)
        for key, target in (("validate", 5), ("validate + to_dict()", 8)):
            ratio = inproc["valid"][key] / floor
            print(f"   {key:28s} {ratio:10.2f}  target <= {target}  {'met' if ratio <= target else 'NOT MET'}", file=out)
        print(f"   {'validate + ok':28s} {inproc['valid']['validate + ok'] / floor:10.2f}  (for reference: every finding built)", file=out)
        return 0
    if args.processes:
        for line in machine():
            print(line, file=out)
        with tempfile.TemporaryDirectory(prefix="appcheck-bench-") as tmp:
            procs = processes(Path(tmp), files, rounds, out)
        print("\ntargets (processes: the median of each round's pair)", file=out)
        for label, ratio, target, ok in _process_rows(procs, files):
            print(f"   {label:66s} {ratio:8.2f}  target {target:7s} {'met' if ok(ratio) else 'NOT MET'}", file=out)
        return 0
    if args.memory:
        if args.topic or not args.bundles:  # --topic alone: only 3b; --bundles alone: only 3c
            with tempfile.TemporaryDirectory(prefix="appcheck-bench-") as tmp:
                memory_by_topic(Path(tmp), small, large, out, args.topic)
        if args.bundles or not args.topic:
            memory_generated(tuple(args.bundles or many), GENERATED_TOPIC, out)
        return 0
    for line in machine():
        print(line, file=out)
    with tempfile.TemporaryDirectory(prefix="appcheck-bench-") as tmp:
        work = Path(tmp)
        inproc = in_process(count, in_rounds, out)
        procs = processes(work, files, rounds, out)
        mem = memory(work, small, large, out)
        by_topic = memory_by_topic(work, small, large, out)
        worst_case(work, out)
    generated = memory_generated(many, GENERATED_TOPIC, out)
    targets(inproc, procs, mem, by_topic, generated, files, small, large, out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
