<?php
/*
 * The benchmark cases, written once against `L::` (defer, delay, onReadable,
 * run) and bench_stop(). case.php compiles this file per implementation with
 * `use <loop class> as L;` in front, so every implementation runs the very same
 * code through direct static calls, with no adapter in between.
 *
 * Each case_*() returns ['ops' => n, 'ns' => wall nanoseconds, 'cpu_us' =>
 * user+system CPU microseconds] for its timed part only; a warm-up precedes it
 * in the same process (for batches: a full-size batch by default, so the timed
 * batch reuses memory as a long-running process would).
 */

/** @return array{int, float} [hrtime ns, user+system CPU µs] */
function bench_clock(): array
{
    $r = \getrusage();
    return [
        \hrtime(true),
        $r['ru_utime.tv_sec'] * 1e6 + $r['ru_utime.tv_usec'] + $r['ru_stime.tv_sec'] * 1e6 + $r['ru_stime.tv_usec'],
    ];
}

function bench_result(int $ops, array $t0, array $t1, array $extra = []): array
{
    return ['ops' => $ops, 'ns' => $t1[0] - $t0[0], 'cpu_us' => $t1[1] - $t0[1]] + $extra;
}

function bench_check(bool $ok, string $what): void
{
    if (!$ok) {
        throw new \RuntimeException("check failed: $what");
    }
}

/* ---- 1. timers ---------------------------------------------------------- */

/**
 * Schedules the timers with the given delays at once, then runs until all
 * fired. Returns [fired, memory per pending timer in bytes].
 */
function timers_batch(array $delays): array
{
    $fired = 0;
    $cb = static function () use (&$fired): void {
        ++$fired;
    };
    $m0 = \memory_get_usage();
    foreach ($delays as $d) {
        L::delay($d, $cb);
    }
    $bytes = (\memory_get_usage() - $m0) / \max(1, \count($delays));
    L::run();
    return [$fired, $bytes];
}

/** Warm-up size: param warm = multiple of n (1: a full-size batch first, 0: none). */
function warm_n(array $p, int $n): int
{
    return (int) ($n * (float) ($p['warm'] ?? 1));
}

/** N delay(0) timers scheduled in one go, then run() until every one fired. */
function case_timers(array $p): array
{
    $n = (int) $p['n'];
    if ($w = warm_n($p, $n)) {
        timers_batch(\array_fill(0, $w, 0.0));
    }
    $delays = \array_fill(0, $n, 0.0);
    $t0 = bench_clock();
    [$fired, $bytes] = timers_batch($delays);
    $t1 = bench_clock();
    bench_check($fired === $n, "timers fired $fired of $n");
    return bench_result($n, $t0, $t1, ['bytes_per_op' => $bytes]);
}

/** N timers with distinct delays in [0, 1 ms], shuffled: exercises the timer heap. */
function case_timers_spread(array $p): array
{
    $n = (int) $p['n'];
    \mt_srand(42);
    $make = static function (int $n): array {
        $d = [];
        for ($i = 0; $i < $n; $i++) {
            $d[] = \mt_rand(0, 1000) * 1e-6;
        }
        return $d;
    };
    if ($w = warm_n($p, $n)) {
        timers_batch($make($w));
    }
    $delays = $make($n);
    $t0 = bench_clock();
    [$fired, $bytes] = timers_batch($delays);
    $t1 = bench_clock();
    bench_check($fired === $n, "timers fired $fired of $n");
    return bench_result($n, $t0, $t1, ['bytes_per_op' => $bytes]);
}

/** A chain of N delay(0) timers: each callback schedules the next (one per tick). */
function case_timer_chain(array $p): array
{
    $n = (int) $p['n'];
    $run = static function (int $n): int {
        $left = $n;
        $fired = 0;
        $cb = static function () use (&$cb, &$left, &$fired): void {
            ++$fired;
            if (--$left > 0) {
                L::delay(0, $cb);
            }
        };
        L::delay(0, $cb);
        L::run();
        $cb = null;
        return $fired;
    };
    $run(\intdiv($n, 10));
    $t0 = bench_clock();
    $fired = $run($n);
    $t1 = bench_clock();
    bench_check($fired === $n, "timers fired $fired of $n");
    return bench_result($n, $t0, $t1);
}

/* ---- 2. deferred callbacks ---------------------------------------------- */

/**
 * N defer() calls in one go, then run() until all ran (one tick). With warm=0
 * it is the process's first burst, so the memory for the pending callbacks is
 * fresh from the kernel (page faults), not reused.
 */
function case_defer_batch(array $p): array
{
    $n = (int) $p['n'];
    $run = static function (int $n): array {
        $ran = 0;
        $cb = static function () use (&$ran): void {
            ++$ran;
        };
        $m0 = \memory_get_usage();
        for ($i = 0; $i < $n; $i++) {
            L::defer($cb);
        }
        $bytes = (\memory_get_usage() - $m0) / $n;
        L::run();
        return [$ran, $bytes];
    };
    if ($w = warm_n($p, $n)) {
        $run($w);
    }
    $t0 = bench_clock();
    [$ran, $bytes] = $run($n);
    $t1 = bench_clock();
    bench_check($ran === $n, "defers ran $ran of $n");
    return bench_result($n, $t0, $t1, ['bytes_per_op' => $bytes]);
}

/** A chain of N defers: each callback defers the next, so each runs in its own tick. */
function case_defer_chain(array $p): array
{
    $n = (int) $p['n'];
    $run = static function (int $n): int {
        $left = $n;
        $ran = 0;
        $cb = static function () use (&$cb, &$left, &$ran): void {
            ++$ran;
            if (--$left > 0) {
                L::defer($cb);
            }
        };
        L::defer($cb);
        L::run();
        $cb = null;
        return $ran;
    };
    $run(\intdiv($n, 10));
    $t0 = bench_clock();
    $ran = $run($n);
    $t1 = bench_clock();
    bench_check($ran === $n, "defers ran $ran of $n");
    return bench_result($n, $t0, $t1);
}

/* ---- 3. idle stream watchers: cost per tick ----------------------------- */

/**
 * $count readable watchers on idle socket pairs: both ends of $count/2 pairs
 * are watched (keeps every descriptor under stream_select()'s FD_SETSIZE of
 * 1024 for 1,000 watchers). Nothing is ever written, so none may fire.
 */
function idle_watchers(int $count, int &$spurious): array
{
    $keep = [];
    $cb = static function () use (&$spurious): void {
        ++$spurious;
    };
    while ($count > 0) {
        $pair = \stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
        bench_check($pair !== false, 'stream_socket_pair');
        foreach ($pair as $s) {
            if ($count-- > 0) {
                L::onReadable($s, $cb);
            }
        }
        $keep[] = $pair;
    }
    return $keep;
}

/**
 * A defer chain drives the loop, one callback per tick (so every tick polls
 * the streams without blocking), next to $idle idle readable watchers.
 * Reports per tick: ns / ops.
 */
function case_tick(array $p): array
{
    $idle = (int) $p['idle'];
    $ticks = (int) $p['ticks'];
    $start = (int) $p['warmup'];
    $end = $start + $ticks;
    $i = 0;
    $spurious = 0;
    $keep = idle_watchers($idle, $spurious);
    $t0 = $t1 = null;
    // Callback number $start takes t0, number $end takes t1: $ticks ticks apart.
    $cb = static function () use (&$cb, &$i, &$t0, &$t1, $start, $end): void {
        if ($i === $start) {
            $t0 = bench_clock();
        }
        if ($i++ === $end) {
            $t1 = bench_clock();
            bench_stop();
            return;
        }
        L::defer($cb);
    };
    L::defer($cb);
    L::run();
    bench_check($t1 !== null, 'the chain did not finish');
    bench_check($spurious === 0, "$spurious idle watchers fired");
    return bench_result($ticks, $t0, $t1, ['fds' => 2 * \count($keep)]);
}

/**
 * One socket pair ping-pongs a byte with itself: the readable callback reads
 * the byte and writes the next, so each tick is one real poll + one I/O
 * dispatch, next to $idle idle readable watchers. Reports per tick.
 */
function case_io(array $p): array
{
    $idle = (int) $p['idle'];
    $ticks = (int) $p['ticks'];
    $start = (int) $p['warmup'];
    $end = $start + $ticks;
    $i = 0;
    [$a, $b] = \stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
    \stream_set_blocking($a, false);
    \stream_set_read_buffer($a, 0);
    $spurious = 0;
    $keep = idle_watchers($idle, $spurious);
    $t0 = $t1 = null;
    L::onReadable($a, static function ($id, $stream) use ($b, &$i, &$t0, &$t1, $start, $end): void {
        \fread($stream, 1);
        if ($i === $start) {
            $t0 = bench_clock();
        }
        if ($i++ === $end) {
            $t1 = bench_clock();
            bench_stop();
            return;
        }
        \fwrite($b, 'x');
    });
    \fwrite($b, 'x');
    L::run();
    bench_check($t1 !== null, 'the ping-pong did not finish');
    bench_check($spurious === 0, "$spurious idle watchers fired");
    return bench_result($ticks, $t0, $t1, ['fds' => 2 + 2 * \count($keep)]);
}

/**
 * The cost of registering stream watchers: onReadable() on both ends of
 * $count/2 idle socket pairs, timed; then all cancelled (untimed); $reps times.
 * Reports per watcher.
 */
function case_register(array $p): array
{
    $count = (int) $p['count'];
    $reps = (int) $p['reps'];
    $streams = [];
    for ($i = 0; \count($streams) < $count; $i++) {
        $pair = \stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
        bench_check($pair !== false, 'stream_socket_pair');
        \array_push($streams, ...$pair);
    }
    $streams = \array_slice($streams, 0, $count);
    $cb = static function (): void {
    };
    $ns = $cpu = 0;
    for ($r = 0; $r <= $reps; $r++) { // pass 0 is the warm-up
        $ids = [];
        $t0 = bench_clock();
        foreach ($streams as $s) {
            $ids[] = L::onReadable($s, $cb);
        }
        $t1 = bench_clock();
        if ($r > 0) {
            $ns += $t1[0] - $t0[0];
            $cpu += $t1[1] - $t0[1];
        }
        foreach ($ids as $id) {
            L::cancel($id);
        }
    }
    return ['ops' => $count * $reps, 'ns' => $ns, 'cpu_us' => $cpu];
}
