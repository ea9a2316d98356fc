<?php
/*
 * Shared by impl/*.php: one case, once, in this process; prints one JSON line
 * for bench/parallel/runner.php.   php impl/IMPL.php CASE SIZE
 * Each impl defines bench_throughput(n), bench_latency(n), bench_spawn(n) and
 * bench_cold(n), each returning an array of metrics.
 */
declare(strict_types=1);

const WORKERS = 2;
const WARMUP_TASKS = 100; // brings both workers up before anything is timed
const TASKS_FILE = __DIR__ . '/tasks.php';

/** user + sys CPU seconds of this process (RUSAGE_SELF) or of its reaped children (RUSAGE_CHILDREN). */
function cpu(bool $children = false): float
{
    $r = getrusage($children ? 1 : 0);
    return $r['ru_utime.tv_sec'] + $r['ru_utime.tv_usec'] / 1e6 + $r['ru_stime.tv_sec'] + $r['ru_stime.tv_usec'] / 1e6;
}

function now(): float
{
    return hrtime(true) / 1e9;
}

/** The sum every throughput run must return: each task n returns n + 1. */
function expected_sum(int $from, int $n): int
{
    return array_sum(range($from + 1, $from + $n));
}

/** p50 and p99 (nearest rank) of samples in seconds, in µs. */
function percentiles(array $samples): array
{
    sort($samples);
    $at = static fn (float $p) => $samples[max(0, (int) ceil($p * count($samples)) - 1)] * 1e6;
    return ['p50' => $at(0.50), 'p99' => $at(0.99), 'samples' => count($samples)];
}

/** Every descendant of this process: the workers (and, for amphp, the shells that start them). */
function descendants(): array
{
    $children = [];
    foreach (glob('/proc/[0-9]*/stat') as $f) {
        $stat = @file_get_contents($f);
        if ($stat !== false) { // "pid (comm) state ppid ...", comm may hold spaces
            $ppid = (int) explode(' ', substr($stat, strrpos($stat, ')') + 2))[1];
            $children[$ppid][] = (int) basename(dirname($f));
        }
    }
    $pids = [];
    for ($todo = [getmypid()]; $todo;) {
        foreach ($children[array_pop($todo)] ?? [] as $pid) {
            $pids[] = $todo[] = $pid;
        }
    }
    return $pids;
}

/** CPU seconds these live processes have run (/proc/PID/schedstat: ns on a CPU, user + sys). */
function cpu_of(array $pids): float
{
    $ns = 0;
    foreach ($pids as $pid) {
        $line = @file_get_contents("/proc/$pid/schedstat");
        if ($line === false) {
            throw new RuntimeException("process $pid ended during the measurement");
        }
        $ns += (int) $line;
    }
    return $ns / 1e9;
}

/**
 * Throughput, shared by the pools: $warm(n) makes a pool and runs n tasks on
 * it (both workers up); $measure(pool, n) runs the n timed tasks at once and
 * returns their results' sum; $stop(pool) shuts it down and reaps the workers.
 * The workers' CPU over the timed part comes from /proc (they are alive);
 * getrusage(RUSAGE_CHILDREN) after the shutdown gives their whole life too
 * (startup, warm-up, the n tasks, exit).
 */
function throughput(int $n, callable $warm, callable $measure, callable $stop): array
{
    $life0 = cpu(true);
    $pool = $warm(WARMUP_TASKS);
    $pids = descendants();
    $k0 = cpu_of($pids);
    $s0 = cpu();
    $t0 = now();
    $sum = $measure($pool, $n);
    $wall = now() - $t0;
    $self = cpu() - $s0;
    $workers = cpu_of($pids) - $k0;
    $stop($pool);
    if ($sum !== expected_sum(0, $n)) {
        throw new RuntimeException("wrong sum $sum for $n tasks");
    }
    return ['n' => $n, 'wall' => $wall, 'self' => $self, 'workers' => $workers,
        'workers_life' => cpu(true) - $life0, 'processes' => count($pids)];
}

function bench_main(array $argv): void
{
    [$case, $size] = [$argv[1] ?? '', (int) ($argv[2] ?? 0)];
    $fn = "bench_$case";
    if (!function_exists($fn) || $size <= 0) {
        fwrite(STDERR, "usage: php {$argv[0]} throughput|latency|spawn|cold SIZE\n");
        exit(2);
    }
    echo json_encode(['ok' => true] + $fn($size)), "\n";
}
