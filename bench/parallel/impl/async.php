<?php
/* bench/parallel with this extension: Async\Parallel and Async\Process. */
declare(strict_types=1);
require __DIR__ . '/../lib.php';
require TASKS_FILE;

use Async\Parallel;
use Async\Promise;
use function Async\await;

function pool(): Parallel
{
    return new Parallel(['workers' => WORKERS, 'bootstrap' => TASKS_FILE]);
}

/** A pool with both workers up: a batch of tasks at once needs both. */
function warm_pool(int $n): Parallel
{
    $pool = pool();
    $sum = array_sum(await($pool->map(array_map(static fn ($i) => new IncTask($i), range(1, $n)))));
    if ($sum !== expected_sum(1, $n) || $pool->stats()['workers'] !== WORKERS) {
        throw new RuntimeException('warm-up: sum ' . $sum . ', stats ' . json_encode($pool->stats()));
    }
    return $pool;
}

function bench_throughput(int $n): array
{
    return throughput($n, 'warm_pool', static function (Parallel $pool, int $n): int {
        $promises = [];
        for ($i = 0; $i < $n; $i++) {
            $promises[] = $pool->submit(new IncTask($i));
        }
        return array_sum(await(Promise::all($promises)));
    }, static fn (Parallel $pool) => await($pool->shutdown()));
}

function bench_latency(int $n): array
{
    $pool = warm_pool(WARMUP_TASKS);
    $samples = [];
    for ($i = 0; $i < $n; $i++) {
        $t0 = now();
        $r = await($pool->submit(new IncTask($i)));
        $samples[] = now() - $t0;
        if ($r !== $i + 1) {
            throw new RuntimeException("task $i returned " . var_export($r, true));
        }
    }
    await($pool->shutdown());
    return percentiles($samples);
}

function bench_spawn(int $n): array
{
    $samples = [];
    for ($i = 0; $i < $n; $i++) {
        $t0 = now();
        $result = await((new Async\Process(['true']))->start());
        $samples[] = now() - $t0;
        if ($result->exitCode() !== 0) {
            throw new RuntimeException('true exited with ' . var_export($result->exitCode(), true));
        }
    }
    return percentiles($samples);
}

/** new pool + first task (worker spawn, PHP startup, bootstrap, the task), then shutdown, untimed. */
function bench_cold(int $n): array
{
    $samples = [];
    for ($i = 0; $i < $n; $i++) {
        $t0 = now();
        $pool = pool();
        $r = await($pool->submit(new IncTask($i)));
        $samples[] = now() - $t0;
        await($pool->shutdown());
        if ($r !== $i + 1) {
            throw new RuntimeException("task $i returned " . var_export($r, true));
        }
    }
    return percentiles($samples);
}

bench_main($argv);
