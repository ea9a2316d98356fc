<?php
/*
 * Orchestrates bench/loop: runs every case for every implementation, each
 * measurement in a fresh php process, interleaved (round 1: A B C, round 2:
 * B C A, ...), then prints medians as Markdown. Started by bench/loop/run,
 * which builds async.so and installs Revolt first.
 *
 *   php runner.php [--rounds=N] [--quick] [--only=row,row] [--impls=async,php,revolt]
 * Environment: ASYNC_SO (path of async.so, required for the async column),
 * BENCH_CMD (the command line to print).
 */
declare(strict_types=1);

const IMPL_NAMES = ['async' => 'async', 'php' => 'pure PHP', 'revolt' => 'Revolt'];

// key => [label, case, params, kind ('rate': ops/s | 'tick': µs per tick), impls (null: all)]
$rows = [
    'timers' => ['timers: N × delay(0) at once, then run()', 'timers', ['n' => 80000], 'rate', null],
    'timers-spread' => ['timers: N × delay(0…1 ms), shuffled', 'timers-spread', ['n' => 80000], 'rate', null],
    'timer-chain' => ['timers: chain, each delay(0) schedules the next', 'timer-chain', ['n' => 100000], 'rate', null],
    'defer-batch' => ['defers: N × defer() at once, then run()', 'defer-batch', ['n' => 200000], 'rate', null],
    'defer-batch-cold' => ['defers: same, first burst of the process ²', 'defer-batch', ['n' => 200000, 'warm' => 0], 'rate', null],
    'defer-chain' => ['defers: chain, each defer() schedules the next', 'defer-chain', ['n' => 200000], 'rate', null],
    'tick-0' => ['tick (defer chain), 0 idle watchers', 'tick', ['idle' => 0, 'ticks' => 150000, 'warmup' => 5000], 'tick', null],
    'tick-2' => ['tick (defer chain), 2 idle watchers (1 pair)', 'tick', ['idle' => 2, 'ticks' => 60000, 'warmup' => 2000], 'tick', null],
    'tick-1000' => ['tick (defer chain), 1,000 idle watchers', 'tick', ['idle' => 1000, 'ticks' => 4000, 'warmup' => 200], 'tick', null],
    'io-0' => ['tick (socket ping-pong), 0 idle watchers', 'io', ['idle' => 0, 'ticks' => 40000, 'warmup' => 2000], 'tick', null],
    'io-1000' => ['tick (socket ping-pong), 1,000 idle watchers', 'io', ['idle' => 1000, 'ticks' => 4000, 'warmup' => 200], 'tick', null],
    'tick-10000' => ['tick (defer chain), 10,000 idle watchers ¹', 'tick', ['idle' => 10000, 'ticks' => 3000, 'warmup' => 100], 'tick', ['async']],
    'register-1000' => ['onReadable() per watcher, registering 1,000', 'register', ['count' => 1000, 'reps' => 20], 'tick', null],
    'register-10000' => ['onReadable() per watcher, registering 10,000', 'register', ['count' => 10000, 'reps' => 3], 'tick', null],
];
// Derived rows: the extra cost per tick of the idle watchers (difference of medians).
$derived = [
    'tick-1000' => ['↳ cost of 1,000 idle watchers per tick (defer chain)', 'tick-0', 1000],
    'io-1000' => ['↳ cost of 1,000 idle watchers per tick (ping-pong)', 'io-0', 1000],
    'tick-10000' => ['↳ cost of 10,000 idle watchers per tick (defer chain) ¹', 'tick-0', 10000],
];

$opts = getopt('', ['rounds:', 'quick', 'only:', 'impls:']);
$quick = isset($opts['quick']);
$rounds = (int) ($opts['rounds'] ?? ($quick ? 3 : 9));
if (isset($opts['only'])) {
    $only = explode(',', $opts['only']);
    foreach ($only as $k) {
        if (!isset($rows[$k])) {
            fwrite(STDERR, "unknown row '$k'; rows: " . implode(', ', array_keys($rows)) . "\n");
            exit(2);
        }
    }
    $rows = array_intersect_key($rows, array_flip($only));
}
if ($quick) {
    foreach ($rows as &$row) {
        foreach (['n', 'ticks'] as $k) {
            if (isset($row[2][$k])) {
                $row[2][$k] = intdiv($row[2][$k], 4);
            }
        }
    }
    unset($row);
}

$so = getenv('ASYNC_SO') ?: '';
$impls = isset($opts['impls']) ? explode(',', $opts['impls']) : array_keys(IMPL_NAMES);
$skipped = [];
if (in_array('async', $impls, true) && ($so === '' || !is_file($so))) {
    $skipped['async'] = 'no async.so (set ASYNC_SO)';
}
if (in_array('revolt', $impls, true) && !is_file(__DIR__ . '/vendor/autoload.php')) {
    $skipped['revolt'] = 'revolt/event-loop is not installed (composer could not fetch it)';
}
$impls = array_values(array_filter($impls, fn ($i) => isset(IMPL_NAMES[$i]) && !isset($skipped[$i])));
// Measure a private copy: async.so may be rebuilt while this runs.
$soOrig = $so;
$soMtime = $so !== '' && is_file($so) ? filemtime($so) : 0;
if (!isset($skipped['async']) && in_array('async', $impls, true)) {
    $so = sys_get_temp_dir() . '/async-bench-' . getmypid() . '.so';
    copy($soOrig, $so);
    register_shutdown_function(fn () => @unlink($so));
}
if (!$impls) {
    fwrite(STDERR, "nothing to run\n");
    exit(1);
}

function command(string $impl, string $case, array $params, string $so): array
{
    $cmd = [PHP_BINARY, '-d', 'memory_limit=-1'];
    if ($impl === 'async') {
        array_push($cmd, '-d', "extension=$so");
    }
    array_push($cmd, __DIR__ . '/case.php', $impl, $case);
    foreach ($params as $k => $v) {
        $cmd[] = "$k=$v";
    }
    return $cmd;
}

/** @return array{?array, string} [result, error] */
function measure(array $cmd): array
{
    $proc = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
    if (!$proc) {
        return [null, 'proc_open failed'];
    }
    $out = stream_get_contents($pipes[1]);
    $err = stream_get_contents($pipes[2]);
    fclose($pipes[1]);
    fclose($pipes[2]);
    $rc = proc_close($proc);
    $res = json_decode(trim($out), true);
    if ($rc !== 0 || !is_array($res)) {
        return [null, trim("exit $rc: " . $err . ' ' . $out)];
    }
    return [$res, ''];
}

// ---- run, interleaved ------------------------------------------------------
$results = [];   // row => impl => list of results
$errors = [];
$drivers = [];
$started = hrtime(true);
$total = 0;
foreach ($rows as $row) {
    $total += count(array_intersect($impls, $row[4] ?? $impls));
}
$total *= $rounds;
$done = 0;
for ($r = 0; $r < $rounds; $r++) {
    $ri = 0;
    foreach ($rows as $key => [$label, $case, $params, $kind, $only]) {
        $list = array_values(array_intersect($impls, $only ?? $impls));
        $shift = ($r + $ri++) % count($list);
        $list = array_merge(array_slice($list, $shift), array_slice($list, 0, $shift));
        foreach ($list as $impl) {
            [$res, $err] = measure(command($impl, $case, $params, $so));
            $done++;
            fprintf(STDERR, "\r[%3d/%d] round %d  %-14s %-7s", $done, $total, $r + 1, $key, $impl);
            if ($res === null) {
                $errors[$key][$impl] = $err;
                continue;
            }
            $results[$key][$impl][] = $res;
            $drivers[$impl] = $res['driver'];
        }
    }
}
fprintf(STDERR, "\r%60s\r", '');
$elapsed = (hrtime(true) - $started) / 1e9;

// ---- report ----------------------------------------------------------------
function median(array $xs): float
{
    sort($xs);
    $n = count($xs);
    return $n % 2 ? $xs[intdiv($n, 2)] : ($xs[$n / 2 - 1] + $xs[$n / 2]) / 2;
}

/** Per-row stat: rate → ops/s, tick → µs per tick; cpu → CPU µs per op. */
function row_stat(array $runs, string $kind, string $what): ?array
{
    if (!$runs) {
        return null;
    }
    $xs = array_map(function ($r) use ($kind, $what) {
        if ($what === 'cpu') {
            return $r['cpu_us'] / $r['ops'];
        }
        return $kind === 'rate' ? $r['ops'] / ($r['ns'] / 1e9) : $r['ns'] / $r['ops'] / 1000;
    }, $runs);
    $m = median($xs);
    $mad = median(array_map(fn ($x) => abs($x - $m), $xs));
    return ['median' => $m, 'spread' => $m > 0 ? $mad / $m : 0, 'n' => count($xs)];
}

function fmt_rate(float $v): string
{
    return $v >= 1e6 ? sprintf('%.2f M/s', $v / 1e6) : sprintf('%.0f k/s', $v / 1e3);
}

function fmt_us(float $v): string
{
    return $v >= 100 ? sprintf('%.0f µs', $v) : ($v >= 10 ? sprintf('%.1f µs', $v) : sprintf('%.2f µs', $v));
}

function cell(?array $s, string $kind, bool $spread = true): string
{
    if ($s === null) {
        return '–';
    }
    $txt = $kind === 'rate' ? fmt_rate($s['median']) : fmt_us($s['median']);
    return $spread ? $txt . sprintf(' ±%.0f%%', $s['spread'] * 100) : $txt;
}

/** How many times faster async is than the peer (>1: async faster). */
function speedup(?array $a, ?array $p, string $kind): string
{
    if (!$a || !$p || $a['median'] <= 0 || $p['median'] <= 0) {
        return '–';
    }
    $x = $kind === 'rate' ? $a['median'] / $p['median'] : $p['median'] / $a['median'];
    return sprintf('%.2f×', $x);
}

$peers = array_values(array_diff($impls, ['async']));
$hasAsync = in_array('async', $impls, true);

$header = function (string $first) use ($impls, $peers, $hasAsync): string {
    $h = "| $first | " . implode(' | ', array_map(fn ($i) => IMPL_NAMES[$i], $impls)) . ' |';
    $sep = '|---|' . str_repeat('---:|', count($impls));
    if ($hasAsync) {
        foreach ($peers as $p) {
            $h .= ' async vs ' . IMPL_NAMES[$p] . ' |';
            $sep .= '---:|';
        }
    }
    return "$h\n$sep\n";
};

$out = '';
$out .= "Wall time, median of $rounds runs (± median absolute deviation). Timers and defers: callbacks scheduled and run per second (higher is better). Ticks: microseconds per loop iteration; onReadable(): microseconds per call (lower is better). \"async vs X\" = how many times faster async is (> 1: async faster).\n\n";
$out .= $header('benchmark');
foreach ($rows as $key => [$label, $case, $params, $kind]) {
    $st = [];
    foreach ($impls as $i) {
        $st[$i] = row_stat($results[$key][$i] ?? [], $kind, 'wall');
    }
    $line = "| $label | " . implode(' | ', array_map(
        fn ($i) => isset($errors[$key][$i]) && !$st[$i] ? 'failed' : cell($st[$i], $kind), $impls)) . ' |';
    if ($hasAsync) {
        foreach ($peers as $p) {
            $line .= ' ' . speedup($st['async'], $st[$p], $kind) . ' |';
        }
    }
    $out .= "$line\n";
    if (isset($derived[$key])) {
        [$dlabel, $base, $count] = $derived[$key];
        $d = [];
        foreach ($impls as $i) {
            $hi = row_stat($results[$key][$i] ?? [], 'tick', 'wall');
            $lo = row_stat($results[$base][$i] ?? [], 'tick', 'wall');
            $d[$i] = $hi && $lo ? ['median' => $hi['median'] - $lo['median'], 'spread' => 0] : null;
        }
        $line = "| $dlabel | " . implode(' | ', array_map(function ($i) use ($d, $count) {
            if (!$d[$i]) {
                return '–';
            }
            return fmt_us($d[$i]['median']) . sprintf(' (%.1f ns/watcher)', $d[$i]['median'] * 1000 / $count);
        }, $impls)) . ' |';
        if ($hasAsync) {
            foreach ($peers as $p) {
                $line .= ' ' . speedup($d['async'], $d[$p], 'tick') . ' |';
            }
        }
        $out .= "$line\n";
    }
}

$out .= "\nCPU time (getrusage user + system) per callback / per tick / per call, median:\n\n";
$out .= $header('benchmark');
foreach ($rows as $key => [$label, $case, $params, $kind]) {
    $st = [];
    foreach ($impls as $i) {
        $st[$i] = row_stat($results[$key][$i] ?? [], $kind, 'cpu');
    }
    $line = "| $label | " . implode(' | ', array_map(fn ($i) => cell($st[$i], 'tick', false), $impls)) . ' |';
    if ($hasAsync) {
        foreach ($peers as $p) {
            $line .= ' ' . speedup($st['async'], $st[$p], 'tick') . ' |';
        }
    }
    $out .= "$line\n";
}

$out .= "\nMemory per pending callback (memory_get_usage() growth while scheduling the batch ÷ N, median):\n\n";
$out .= '| benchmark | ' . implode(' | ', array_map(fn ($i) => IMPL_NAMES[$i], $impls)) . " |\n|---|" . str_repeat('---:|', count($impls)) . "\n";
foreach ($rows as $key => [$label]) {
    $cells = [];
    $any = false;
    foreach ($impls as $i) {
        $b = array_column($results[$key][$i] ?? [], 'bytes_per_op');
        $any = $any || $b;
        $cells[] = $b ? sprintf('%.0f B', median($b)) : '–';
    }
    if ($any) {
        $out .= "| $label | " . implode(' | ', $cells) . " |\n";
    }
}

$notes = [];
if (isset($rows['tick-10000'])) {
    $notes[] = '¹ async only: stream_select() cannot watch descriptors ≥ FD_SETSIZE (1024), so the pure-PHP loop and Revolt\'s StreamSelectDriver cannot run it (registering works: the onReadable() rows only register and cancel, they never poll).';
}
if (isset($rows['defer-batch-cold'])) {
    $notes[] = '² No warm-up: the memory for the pending callbacks comes fresh from the kernel (page faults). Every other batch row first runs a full-size batch in the same process, so its timed batch reuses memory, as a long-running process would.';
}
$sizes = [];
foreach ($rows as $key => [, $case, $params]) {
    $sizes[] = "$key: " . implode(' ', array_map(fn ($k, $v) => "$k=$v", array_keys($params), $params));
}
$notes[] = 'Sizes: ' . implode('; ', $sizes) . '.';
$notes[] = 'Drivers: ' . implode(', ', array_map(fn ($i) => IMPL_NAMES[$i] . ' = ' . ($drivers[$i] ?? '?'), $impls)) . '.';
foreach ($skipped as $i => $why) {
    $notes[] = IMPL_NAMES[$i] . " skipped: $why.";
}
foreach ($errors as $key => $byImpl) {
    foreach ($byImpl as $i => $err) {
        $notes[] = "Failed: $key / " . IMPL_NAMES[$i] . ': ' . substr(preg_replace('/\s+/', ' ', $err), 0, 300);
    }
}
$soInfo = $so !== '' && is_file($so) ? sprintf('%s (sha256 %.12s, built %s)', $soOrig, hash_file('sha256', $so), gmdate('Y-m-d H:i', $soMtime) . ' UTC') : 'n/a';
$notes[] = sprintf('PHP %s, opcache.enable_cli=%s, zend.assertions=%s; async.so: %s.',
    PHP_VERSION, ini_get('opcache.enable_cli') ?: '0', ini_get('zend.assertions'), $soInfo);
$cpu = trim((string) shell_exec("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"));
$notes[] = sprintf('Machine: %s, %d cores (%s); %s UTC; the whole run took %.0f s.',
    php_uname('n'), (int) trim((string) shell_exec('nproc')), $cpu ?: 'unknown CPU', gmdate('Y-m-d H:i'), $elapsed);
$notes[] = 'Command: `' . (getenv('BENCH_CMD') ?: 'php ' . implode(' ', $argv)) . '`; one measurement: `'
    . implode(' ', array_map(fn ($a) => str_replace(__DIR__ . '/', 'bench/loop/', $a), command('async', 'tick', ['idle' => 1000, 'ticks' => 4000, 'warmup' => 200], $soOrig ?: 'async.so'))) . '`';

$out .= "\n" . implode("\n", array_map(fn ($n) => "- $n", $notes)) . "\n";
echo $out;
exit($errors ? 1 : 0);
