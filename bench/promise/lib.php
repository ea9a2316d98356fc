<?php
/*
 * Shared by impl/*.php: runs one benchmark once in this process and prints
 * one JSON line for bench/promise/run.
 *
 *   php impl/IMPL.php BENCH SIZE
 *
 * BENCH is chain, chain_batch, await or all. Each impl file defines
 * bench_chain(int $n), bench_chain_batch(int $n), bench_await(int $n) and
 * bench_all(int $rounds, int $width), each returning a checksum that must
 * equal bench_expected() (a wrong port fails the run instead of looking fast).
 */
declare(strict_types=1);

const ALL_WIDTH = 1000;     // promises per all()
const CHAIN_BATCH = 1000; // chains per loop run in chain_batch

/** The checksum every implementation must return, so a wrong port shows. */
function bench_expected(string $bench, int $size): int
{
    switch ($bench) {
        case 'chain': // each chain: i -> i+1 -> i+2, summed by the third callback
        case 'chain_batch':
            return $size * ($size - 1) / 2 + 2 * $size;
        case 'await': // each await returns i
            return $size * ($size - 1) / 2;
        case 'all':   // each all() fulfils with [0, 1, ..., width-1]
            return $size * (ALL_WIDTH * (ALL_WIDTH - 1) / 2);
    }
    throw new InvalidArgumentException("unknown benchmark $bench");
}

function bench_cpu(array $r): float
{
    return $r['ru_utime.tv_sec'] + $r['ru_utime.tv_usec'] / 1e6
         + $r['ru_stime.tv_sec'] + $r['ru_stime.tv_usec'] / 1e6;
}

function bench_run(string $impl, array $argv): void
{
    $bench = $argv[1] ?? '';
    $size = (int) ($argv[2] ?? 0);
    $fn = 'bench_' . $bench;
    if (!function_exists($fn) || $size <= 0) {
        fwrite(STDERR, "usage: php {$argv[0]} chain|await|all SIZE\n");
        exit(2);
    }
    $call = $bench === 'all'
        ? static fn (int $n) => bench_all($n, ALL_WIDTH)
        : static fn (int $n) => $fn($n);

    // Warm-up: loads every class and function the run will use (autoloading
    // of the userland peers is not measured) and warms the allocator.
    $warm = $bench === 'all' ? 2 : 200;
    if ($call($warm) !== bench_expected($bench, $warm)) {
        fwrite(STDERR, "$impl $bench: wrong checksum in warm-up\n");
        exit(1);
    }
    gc_collect_cycles();

    memory_reset_peak_usage();
    $mem0 = memory_get_usage();
    $ru0 = getrusage();
    $t0 = hrtime(true);
    $check = $call($size);
    $t1 = hrtime(true);
    $ru1 = getrusage();
    $peak = memory_get_peak_usage() - $mem0;

    $ok = $check === bench_expected($bench, $size);
    echo json_encode([
        'impl' => $impl,
        'bench' => $bench,
        'size' => $size,
        'wall' => ($t1 - $t0) / 1e9,
        'cpu' => bench_cpu($ru1) - bench_cpu($ru0),
        'peak' => $peak,
        'maxrss_kb' => $ru1['ru_maxrss'],
        'ok' => $ok,
    ]), "\n";
    exit($ok ? 0 : 1);
}
