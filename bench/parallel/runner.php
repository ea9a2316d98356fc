<?php
/*
 * bench/parallel's driver (started by ./run): every measurement is a fresh php
 * process (impl/IMPL.php CASE SIZE), interleaved round after round (the order
 * of the implementations rotates each round); prints Markdown tables of medians.
 *   runner.php [--rounds=N] [--quick] [--case=a,b] [--impl=a,b]   (ASYNC_SO in the environment)
 */
declare(strict_types=1);

$dir = __DIR__;
$opts = getopt('', ['rounds:', 'quick', 'case:', 'impl:', 'help']);
if (isset($opts['help'])) {
    echo "usage: bench/parallel/run [--rounds=N] [--quick] [--case=throughput,latency,spawn,cold] [--impl=async,amp,procopen]\n";
    exit(0);
}
$quick = isset($opts['quick']);
$rounds = max(1, (int) ($opts['rounds'] ?? ($quick ? 5 : 7)));

/* case => impl => size (tasks, iterations) */
$cases = $quick ? [
    'throughput' => ['async' => 10000, 'amp' => 10000, 'procopen' => 200],
    'latency' => ['async' => 2000, 'amp' => 2000, 'procopen' => 40],
    'spawn' => ['async' => 200, 'amp' => 200, 'procopen' => 200],
    'cold' => ['async' => 10, 'amp' => 10, 'procopen' => 10],
] : [
    'throughput' => ['async' => 10000, 'amp' => 10000, 'procopen' => 400],
    'latency' => ['async' => 3000, 'amp' => 3000, 'procopen' => 100],
    'spawn' => ['async' => 500, 'amp' => 500, 'procopen' => 500],
    'cold' => ['async' => 20, 'amp' => 20, 'procopen' => 20],
];
$impls = ['async', 'amp', 'procopen'];
$title = ['async' => 'async', 'amp' => 'amphp/parallel', 'procopen' => 'proc_open per task'];
if (isset($opts['case'])) {
    $cases = array_intersect_key($cases, array_flip(explode(',', $opts['case'])));
}
if (isset($opts['impl'])) {
    $impls = array_values(array_intersect($impls, explode(',', $opts['impl'])));
}

$na = [];
$so = (string) getenv('ASYNC_SO');
if (!is_file($so)) {
    $na['async'] = 'no async.so (set ASYNC_SO)';
}
if (!is_file("$dir/vendor/autoload.php")) {
    $na['amp'] = 'composer could not install amphp/parallel';
}

/* ---- run: fresh process per measurement, interleaved ---------------------- */

$results = []; // case => impl => rows
$failures = [];
$start = microtime(true);
for ($r = 1; $r <= $rounds; $r++) {
    foreach ($cases as $case => $sizes) {
        $order = array_merge(array_slice($impls, ($r - 1) % count($impls)), array_slice($impls, 0, ($r - 1) % count($impls)));
        foreach ($order as $impl) {
            if (isset($na[$impl])) {
                continue;
            }
            // A hang is a failure, not a stuck run.
            $cmd = array_merge(['timeout', '300', PHP_BINARY], $impl === 'async' ? ['-d', "extension=$so"] : [],
                ["$dir/impl/$impl.php", $case, (string) $sizes[$impl]]);
            $proc = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
            $out = stream_get_contents($pipes[1]);
            $err = stream_get_contents($pipes[2]);
            fclose($pipes[1]);
            fclose($pipes[2]);
            $rc = proc_close($proc);
            $row = json_decode(trim((string) $out), true);
            if ($rc !== 0 || !is_array($row) || empty($row['ok'])) {
                $failures[] = sprintf("%s %s (round %d): exit %d%s: `%s`\n  %s", $impl, $case, $r, $rc,
                    $rc === 124 ? ' (timed out after 300 s)' : '', implode(' ', $cmd), trim(substr($err . ' ' . $out, 0, 2000)));
                fwrite(STDERR, "round $r/$rounds  $case $impl FAILED (exit $rc)\n");
                continue;
            }
            $results[$case][$impl][$r] = $row;
            fwrite(STDERR, sprintf("round %d/%d  %-10s %-8s %s\n", $r, $rounds, $case, $impl, json_encode($row)));
        }
    }
}
$elapsed = microtime(true) - $start;

/* ---- report --------------------------------------------------------------- */

function median(array $xs): float
{
    sort($xs);
    $n = count($xs);
    return $n % 2 ? $xs[intdiv($n, 2)] : ($xs[$n / 2 - 1] + $xs[$n / 2]) / 2;
}

function num(float $x): string
{
    return $x >= 1000 ? number_format($x) : ($x >= 100 ? sprintf('%.0f', $x) : ($x >= 10 ? sprintf('%.1f', $x) : sprintf('%.2f', $x)));
}

/* [label, case, f(row) => value, unit, higher is better] */
$rows = [
    ['tiny tasks, 2 workers, all submitted at once: tasks/s', 'throughput', fn ($x) => $x['n'] / $x['wall'], '/s', true],
    ['↳ parent CPU per task', 'throughput', fn ($x) => $x['self'] / $x['n'] * 1e6, ' µs', false],
    ['↳ workers\' CPU per task', 'throughput', fn ($x) => $x['workers'] / $x['n'] * 1e6, ' µs', false],
    ['↳ parent + workers CPU per task', 'throughput', fn ($x) => ($x['self'] + $x['workers']) / $x['n'] * 1e6, ' µs', false],
    ['↳ workers\' whole-life CPU (start, 100 warm-up tasks, exit) per task', 'throughput', fn ($x) => $x['workers_life'] / $x['n'] * 1e6, ' µs', false],
    ['round trip of one task, warm pool: p50', 'latency', fn ($x) => $x['p50'], ' µs', false],
    ['↳ p99', 'latency', fn ($x) => $x['p99'], ' µs', false],
    ['spawn `true` and wait for its exit: p50', 'spawn', fn ($x) => $x['p50'], ' µs', false],
    ['↳ p99', 'spawn', fn ($x) => $x['p99'], ' µs', false],
    ['cold pool: new pool to first result: p50', 'cold', fn ($x) => $x['p50'] / 1000, ' ms', false],
    ['↳ p99', 'cold', fn ($x) => $x['p99'] / 1000, ' ms', false],
];

$peers = array_values(array_diff($impls, ['async']));
$hasAsync = in_array('async', $impls, true) && !isset($na['async']);
echo "### Medians of $rounds rounds (each a fresh process)\n\n";
echo '| measurement | ' . implode(' | ', array_map(fn ($i) => $title[$i], $impls)) . ' |'
    . ($hasAsync ? implode('', array_map(fn ($p) => ' async vs ' . $title[$p] . ' |', $peers)) : '') . "\n";
echo '|---|' . str_repeat('---:|', count($impls) + ($hasAsync ? count($peers) : 0)) . "\n";
foreach ($rows as [$label, $case, $f, $unit, $higher]) {
    if (!isset($cases[$case])) {
        continue;
    }
    $v = [];
    $line = "| $label |";
    foreach ($impls as $impl) {
        $got = $results[$case][$impl] ?? [];
        if ($got) {
            $v[$impl] = median(array_map($f, $got));
        }
        $line .= ' ' . ($got ? num($v[$impl]) . $unit : (isset($na[$impl]) ? 'n/a' : 'failed')) . ' |';
    }
    if ($hasAsync) {
        foreach ($peers as $p) {
            // Paired by round (the two ran back to back), then the median: steadier than a ratio of medians.
            $a = $results[$case]['async'] ?? [];
            $b = $results[$case][$p] ?? [];
            $ratios = [];
            foreach (array_intersect_key($a, $b) as $round => $row) {
                [$x, $y] = [$f($row), $f($b[$round])];
                if ($x > 0 && $y > 0) {
                    $ratios[] = $higher ? $x / $y : $y / $x;
                }
            }
            $line .= $ratios ? sprintf(' %.2f× |', median($ratios)) : ' |';
        }
    }
    echo "$line\n";
}
echo "\n\"async vs X\": how many times better async is (X ÷ async for times and CPU, async ÷ X for tasks/s),\n"
    . "the median of the ratios of the two measurements of each round (they ran back to back).\n";

echo "\n### Spread: (max − min) ÷ median over the rounds\n\n";
echo '| measurement | ' . implode(' | ', array_map(fn ($i) => $title[$i], $impls)) . " |\n|---|" . str_repeat('---:|', count($impls)) . "\n";
foreach ([[0, 'tasks/s'], [3, 'parent + workers CPU per task'], [5, 'round trip p50'], [7, 'spawn p50'], [9, 'cold pool p50']] as [$k, $name]) {
    [, $case, $f] = $rows[$k];
    if (!isset($cases[$case])) {
        continue;
    }
    $line = "| $name |";
    foreach ($impls as $impl) {
        $xs = array_map($f, $results[$case][$impl] ?? []);
        $line .= ' ' . (count($xs) > 1 ? sprintf('%.0f%%', (max($xs) - min($xs)) / median($xs) * 100) : '–') . ' |';
    }
    echo "$line\n";
}

echo "\nSizes per measurement: " . implode('; ', array_map(fn ($c, $s) => "$c " . implode('/', array_map(fn ($i) => $i . ' ' . $s[$i], $impls)), array_keys($cases), $cases)) . ".\n\n";
$pk = [];
foreach (json_decode((string) @file_get_contents("$dir/vendor/composer/installed.json"), true)['packages'] ?? [] as $p) {
    $pk[$p['name']] = $p['version'];
}
foreach ($impls as $impl) {
    echo "- {$title[$impl]}: " . (isset($na[$impl]) ? "n/a ({$na[$impl]})" : [
        'async' => "Async\\Parallel, Async\\Process ($so)",
        'amp' => sprintf('amphp/parallel %s (ContextWorkerPool, process workers), amphp/process %s, revolt/event-loop %s (StreamSelectDriver)',
            $pk['amphp/parallel'] ?? '?', $pk['amphp/process'] ?? '?', $pk['revolt/event-loop'] ?? '?'),
        'procopen' => '`proc_open([PHP_BINARY, "-r", …])` per task, 2 at a time; `proc_open(["true"])` for spawn',
    ][$impl]) . "\n";
}
$cpu = trim((string) shell_exec("sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1"));
printf("- %s, PHP %s, %d CPUs (%s), load average before the run %s; %s; %d rounds in %.0f s\n",
    php_uname('s') . ' ' . php_uname('r'), PHP_VERSION, (int) trim((string) shell_exec('nproc')), $cpu,
    getenv('BENCH_LOAD') ?: '?', date('Y-m-d H:i T'), $rounds, $elapsed);
echo '- command: `' . (getenv('BENCH_CMD') ?: 'bench/parallel/run') . "`\n";

if ($failures) {
    echo "\n**Failed measurements:**\n\n";
    foreach ($failures as $f) {
        echo "- $f\n";
    }
    exit(1);
}
