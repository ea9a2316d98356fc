#!/usr/bin/env python3
"""bench/websocket runner: starts each server as its own process on a free
127.0.0.1 port (pinned to one core), drives it with loadgen (pinned to the
other), servers interleaved round by round, and prints Markdown tables of
medians. Called by ./run, which builds loadgen, floor and async.so first."""
import argparse
import datetime
import json
import os
import platform
import select
import signal
import socket
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
BUILD = os.path.join(HERE, ".build")
LOADGEN = os.path.join(BUILD, "loadgen")

ALL_SERVERS = ["async", "floor", "node", "react"]
# stream_select() cannot watch descriptors >= FD_SETSIZE (1024)
MAX_CONNS = {"react": 1000}


def server_cmd(name):
    so = os.environ["ASYNC_SO"]
    if name == "async":
        return ["php", "-d", "memory_limit=-1", "-d", "extension=" + so, os.path.join(HERE, "servers", "async.php")], {}
    if name == "async-b":  # not in the default set: another build, ASYNC_SO_B, for A/B runs
        return ["php", "-d", "memory_limit=-1", "-d", "extension=" + os.environ["ASYNC_SO_B"],
                os.path.join(HERE, "servers", "async.php")], {}
    if name == "floor":
        return [os.path.join(BUILD, "floor")], {}
    if name == "floor-bev":  # not in the default set: see README, "Where the time goes"
        return [os.path.join(BUILD, "floor"), "--bev"], {}
    if name == "floor-bev-wt":
        return [os.path.join(BUILD, "floor"), "--bev-wt"], {}
    if name == "node":
        return ["node", os.path.join(HERE, "servers", "node-ws.js")], {"NODE_PATH": os.environ["WS_NODE_PATH"]}
    if name == "react":
        return ["php", "-d", "memory_limit=-1", os.path.join(HERE, "servers", "react.php")], {}
    raise ValueError(name)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Server:
    def __init__(self, name, args, log):
        self.name = name
        cmd, env = server_cmd(name)
        self.port = free_port()
        full_env = dict(os.environ)
        full_env.update(env)
        pin = ["taskset", "-c", args.server_cpu] if args.pin else []
        argv = cmd[:1] + [str(self.port)] + cmd[1:] if name.startswith("floor-bev") else cmd + [str(self.port)]
        self.proc = subprocess.Popen(pin + argv, stdout=subprocess.PIPE,
                                     stderr=log, env=full_env, start_new_session=True)
        self.pid = self.proc.pid  # taskset execs the server: same pid
        deadline = time.time() + 15
        line = b""
        while time.time() < deadline:
            r, _, _ = select.select([self.proc.stdout], [], [], 0.2)
            if r:
                line = self.proc.stdout.readline()
                break
            if self.proc.poll() is not None:
                break
        if not line.startswith(b"LISTENING"):
            self.stop()
            raise RuntimeError("%s did not start (see %s)" % (name, log.name))

    def alive(self):
        return self.proc.poll() is None

    def stop(self):
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.proc.wait(3)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(3)
        rc = self.proc.returncode
        self.proc.stdout.close()
        return rc


def loadgen(args, server, mode, extra, timeout):
    pin = ["taskset", "-c", args.loadgen_cpu] if args.pin else []
    cmd = pin + [LOADGEN, mode, "--port", str(server.port), "--server-pid", str(server.pid)] + extra
    try:
        out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": "loadgen timed out"}
    try:
        res = json.loads(out.stdout.decode().strip().splitlines()[-1])
    except (IndexError, ValueError):
        return {"error": "loadgen: " + out.stderr.decode()[-200:]}
    return res


def run_one(args, name, mode, extra, timeout, logf):
    try:
        srv = Server(name, args, logf)
    except RuntimeError as e:
        return {"error": str(e)}
    try:
        res = loadgen(args, srv, mode, extra, timeout)
        if not srv.alive():
            res["error"] = "server died (exit %s)" % srv.proc.returncode
        if "conns" in res:
            time.sleep(0.05)
    finally:
        rc = srv.stop()
    return res


def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fmt(v, digits=1):
    if v is None:
        return "–"
    if isinstance(v, str):
        return v
    if abs(v) >= 1000:
        return "{:,.0f}".format(v)
    return "{:.{}f}".format(v, digits)


def ratio(a, b):
    if a is None or b is None or b == 0:
        return "–"
    return "{:.2f}×".format(a / b)


def errors_of(r):
    keys = ["err_connect", "err_handshake", "err_closed", "err_timeout", "err_mismatch"]
    n = sum(r.get(k, 0) or 0 for k in keys)
    if r.get("error"):
        return r["error"]
    if n:
        return "%d (%s)" % (n, ", ".join("%s %d" % (k[4:], r[k]) for k in keys if r.get(k))
                             + ("; " + r["first_error"] if r.get("first_error") else ""))
    return ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--servers", default=",".join(ALL_SERVERS))
    ap.add_argument("--only", default="echo,broadcast,idle")
    ap.add_argument("--duration", type=float)
    ap.add_argument("--no-pin", dest="pin", action="store_false")
    ap.add_argument("--server-cpu", default="0")
    ap.add_argument("--loadgen-cpu", default="1")
    ap.add_argument("--json", help="write every run's result to this file")
    ap.add_argument("--cases", help="CONNSxBYTES cases instead of the default ones, e.g. 1000x64,100x16384 "
                    "(echo); broadcast keeps those of its own that are listed (SUBSx64)")
    args = ap.parse_args()
    servers = [s for s in args.servers.split(",") if s]
    only = set(args.only.split(","))
    if args.rounds < 1:
        sys.exit("--rounds must be at least 1")

    if args.quick:
        echo_cases = [(1, 64), (100, 64), (1000, 64), (100, 16384)]
        duration, warmup = args.duration or 1.5, 0.5
        idle_sizes = [10000]
    else:
        echo_cases = [(c, s) for c in (1, 100, 1000) for s in (64, 1024, 16384)]
        duration, warmup = args.duration or 3.0, 1.0
        idle_sizes = [1000, 10000]
    bcast_cases = [(1000, 64), (10000, 64)]
    if args.cases:
        wanted = {tuple(int(n) for n in c.split("x")) for c in args.cases.split(",") if c}
        echo_cases = sorted(wanted)
        bcast_cases = [c for c in bcast_cases if c in wanted]

    started = time.time()
    now = datetime.datetime.now(datetime.timezone.utc)
    logpath = os.path.join(BUILD, "servers.log")
    logf = open(logpath, "ab")
    results = {"echo": {}, "broadcast": {}, "idle": {}, "max": {}}

    def progress(msg):
        print("[%5.0fs] %s" % (time.time() - started, msg), file=sys.stderr, flush=True)

    def interleaved(kind, key, mode, extra, timeout, conns):
        for rnd in range(args.rounds):
            for name in servers:
                if conns > MAX_CONNS.get(name, 1 << 30):
                    continue
                r = run_one(args, name, mode, extra, timeout, logf)
                results[kind].setdefault(key, {}).setdefault(name, []).append(r)
                progress("%s %s round %d %s: %s" % (kind, key, rnd + 1, name,
                         r.get("error") or "rate %s p99 %s cpu/M %s" % (r.get("rate"), r.get("p99_ms"),
                                                                         r.get("server_cpu_s_per_M"))
                         if kind != "idle" else r.get("error") or "open %s rss %s->%s" % (
                             r.get("open"), r.get("rss_before_kb"), r.get("rss_idle_kb"))))

    if "echo" in only:
        for conns, size in echo_cases:
            interleaved("echo", "%d×%d" % (conns, size), "echo",
                        ["--conns", str(conns), "--size", str(size), "--duration", str(duration),
                         "--warmup", str(warmup)], duration + warmup + 60, conns)
    if "broadcast" in only:
        for subs, size in bcast_cases:
            interleaved("broadcast", "%d×%d" % (subs, size), "broadcast",
                        ["--subs", str(subs), "--size", str(size), "--duration", str(duration),
                         "--warmup", str(warmup)], duration + warmup + 90, subs + 1)
    if "idle" in only:
        for n in idle_sizes:
            interleaved("idle", str(n), "idle", ["--conns", str(n), "--touch"], 120, n)
        if "async" in servers:
            r = run_one(args, "async", "idle", ["--conns", "19000", "--touch"], 180, logf)
            results["max"]["async"] = r
            progress("idle 19000 async: open %s errors %s" % (r.get("open"), errors_of(r) or "none"))
    logf.close()
    elapsed = time.time() - started

    # ---- report -------------------------------------------------------------
    out = []
    p = out.append
    cmd = os.environ.get("BENCH_CMD", "bench/websocket/run")
    p("Run on %s UTC, %s, %d cores (shared), %s; %.0f s. Command: `%s`" % (
        now.strftime("%Y-%m-%d %H:%M"), platform.node() and "this VM" or "?", os.cpu_count(),
        platform.platform(), elapsed, cmd))
    p("Medians of %d interleaved rounds; server pinned to CPU %s, loadgen to CPU %s%s." % (
        args.rounds, args.server_cpu, args.loadgen_cpu, "" if args.pin else " (no pinning)"))
    p("")

    def col(name):
        return name

    def get(rs, key):
        return med([r.get(key) for r in rs if not r.get("error")])

    def table(kind, title, unit):
        if not results[kind]:
            return
        p("### %s" % title)
        p("")
        hdr = ["case"] + ["%s CPU-s/M" % col(s) for s in servers] + ["async/floor"]
        p("| " + " | ".join(hdr) + " |")
        p("|" + "---|" * len(hdr))
        for key, per in results[kind].items():
            row = [key]
            vals = {s: get(per.get(s, []), "server_cpu_s_per_M") for s in servers}
            row += [fmt(vals[s], 2) if s in per else "n/a" for s in servers]
            row.append(ratio(vals.get("async"), vals.get("floor")))
            p("| " + " | ".join(row) + " |")
        p("")
        hdr = ["case"] + ["%s %s" % (col(s), unit) for s in servers] + ["async/floor"]
        p("| " + " | ".join(hdr) + " |")
        p("|" + "---|" * len(hdr))
        for key, per in results[kind].items():
            vals = {s: get(per.get(s, []), "rate") for s in servers}
            row = [key] + [fmt(vals[s], 0) if s in per else "n/a" for s in servers]
            row.append(ratio(vals.get("async"), vals.get("floor")))
            p("| " + " | ".join(row) + " |")
        p("")
        hdr = ["case"] + ["%s p50 / p99 ms" % col(s) for s in servers]
        p("| " + " | ".join(hdr) + " |")
        p("|" + "---|" * len(hdr))
        for key, per in results[kind].items():
            row = [key]
            for s in servers:
                if s not in per:
                    row.append("n/a")
                    continue
                row.append("%s / %s" % (fmt(get(per[s], "p50_ms"), 2), fmt(get(per[s], "p99_ms"), 2)))
            p("| " + " | ".join(row) + " |")
        p("")
        hdr = ["case"] + ["%s srv / lg CPU %%" % col(s) for s in servers]
        p("Core use during the window (server / loadgen, % of one core; a loadgen near 100 % "
          "means the loadgen, not the server, set the pace):")
        p("")
        p("| " + " | ".join(hdr) + " |")
        p("|" + "---|" * len(hdr))
        for key, per in results[kind].items():
            row = [key]
            for s in servers:
                rs = [r for r in per.get(s, []) if not r.get("error") and r.get("seconds")]
                if not rs:
                    row.append("n/a" if s not in per else "–")
                    continue
                sv = med([100 * r["server_cpu_s"] / r["seconds"] for r in rs if r.get("server_cpu_s") is not None])
                lv = med([100 * r["loadgen_cpu_s"] / r["seconds"] for r in rs])
                row.append("%s / %s" % (fmt(sv, 0), fmt(lv, 0)))
            p("| " + " | ".join(row) + " |")
        p("")
        errs = []
        for key, per in results[kind].items():
            for s in servers:
                for i, r in enumerate(per.get(s, [])):
                    e = errors_of(r)
                    if e:
                        errs.append("%s %s round %d: %s" % (key, s, i + 1, e))
                    if kind == "broadcast" and (r.get("lost") or r.get("incomplete")):
                        errs.append("%s %s round %d: %s publishes incomplete, %s deliveries missing" % (
                            key, s, i + 1, r.get("incomplete"), r.get("lost")))
        if errs:
            p("Errors: " + "; ".join(errs))
            p("")

    table("echo", "Echo: C connections × S-byte binary messages, one in flight per connection "
          "(server CPU-seconds per million messages, lower is better)", "msgs/s")
    table("broadcast", "Broadcast: N subscribers × 64-byte binary message, closed loop (next publish when all N "
          "got the previous); CPU-seconds per million deliveries", "deliveries/s")

    if results["idle"]:
        p("### Idle connections: server RSS growth per open connection")
        p("")
        hdr = ["connections"] + ["%s B/conn (after 1 echo)" % col(s) for s in servers] + ["async/floor"]
        p("| " + " | ".join(hdr) + " |")
        p("|" + "---|" * len(hdr))
        for key, per in results["idle"].items():
            n = int(key)
            row = [fmt(n, 0)]
            vals = {}
            for s in servers:
                rs = [r for r in per.get(s, []) if not r.get("error") and r.get("open")]
                if s not in per:
                    row.append("n/a")
                    continue
                if not rs:
                    row.append("–")
                    continue
                idle = med([1024 * (r["rss_idle_kb"] - r["rss_before_kb"]) / r["open"] for r in rs])
                touched = med([1024 * (r["rss_touched_kb"] - r["rss_before_kb"]) / r["open"] for r in rs
                               if r.get("rss_touched_kb", -1) >= 0])
                vals[s] = idle
                row.append("%s (%s)" % (fmt(idle, 0), fmt(touched, 0)))
            row.append(ratio(vals.get("async"), vals.get("floor")))
            p("| " + " | ".join(row) + " |")
        p("")
        errs = []
        for key, per in results["idle"].items():
            for s in servers:
                for i, r in enumerate(per.get(s, [])):
                    e = errors_of(r)
                    if e:
                        errs.append("%s %s round %d: %s" % (key, s, i + 1, e))
        if errs:
            p("Errors: " + "; ".join(errs))
            p("")
    if results["max"]:
        r = results["max"]["async"]
        p("### 19,000 connections against async")
        p("")
        p("| open | errors | connect time s | RSS before → idle → after 1 echo each (MiB) |")
        p("|---|---|---|---|")
        if r.get("error") and "open" not in r:
            p("| – | %s | – | – |" % r["error"])
        else:
            p("| %s | %s | %s | %.1f → %.1f → %.1f |" % (
                fmt(r.get("open"), 0), errors_of(r) or "none", fmt(r.get("connect_s"), 2),
                r.get("rss_before_kb", 0) / 1024, r.get("rss_idle_kb", 0) / 1024,
                max(r.get("rss_touched_kb", 0), 0) / 1024))
        p("")
    print("\n".join(out))
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"date": now.isoformat(), "args": vars(args), "results": results}, f, indent=1)
    print("Server logs: %s" % os.path.relpath(logpath, ROOT), file=sys.stderr)


if __name__ == "__main__":
    main()
