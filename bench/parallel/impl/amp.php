<?php
/* bench/parallel with amphp/parallel v2 (ContextWorkerPool, process workers) and amphp/process. */
declare(strict_types=1);
require __DIR__ . '/../lib.php';
require __DIR__ . '/../vendor/autoload.php';
require TASKS_FILE;

use Amp\Parallel\Worker\ContextWorkerFactory;
use Amp\Parallel\Worker\ContextWorkerPool;
use Amp\Process\Process;
use function Amp\async;
use function Amp\ByteStream\buffer;
use function Amp\delay;

function pool(): ContextWorkerPool
{
    return new ContextWorkerPool(WORKERS, new ContextWorkerFactory(TASKS_FILE));
}

/** Runs $tasks at once and returns the sum of the results. */
function run_all(ContextWorkerPool $pool, iterable $tasks): int
{
    $futures = [];
    foreach ($tasks as $task) {
        $futures[] = $pool->submit($task)->getFuture();
    }
    return array_sum(Amp\Future\await($futures));
}

function warm_pool(int $n): ContextWorkerPool
{
    $pool = pool();
    $sum = run_all($pool, array_map(static fn ($i) => new AmpIncTask($i), range(1, $n)));
    if ($sum !== expected_sum(1, $n) || $pool->getWorkerCount() !== WORKERS) {
        throw new RuntimeException("warm-up: sum $sum, workers " . $pool->getWorkerCount());
    }
    return $pool;
}

/** Shuts the pool down, then lets amphp/process reap the shells (it polls waitpid from the loop). */
function stop(ContextWorkerPool $pool): void
{
    $pool->shutdown();
    delay(0.1);
}

function bench_throughput(int $n): array
{
    return throughput($n, 'warm_pool', static function (ContextWorkerPool $pool, int $n): int {
        return run_all($pool, (static function () use ($n) {
            for ($i = 0; $i < $n; $i++) {
                yield new AmpIncTask($i);
            }
        })());
    }, 'stop');
}

function bench_latency(int $n): array
{
    $pool = warm_pool(WARMUP_TASKS);
    $samples = [];
    for ($i = 0; $i < $n; $i++) {
        $t0 = now();
        $r = $pool->submit(new AmpIncTask($i))->await();
        $samples[] = now() - $t0;
        if ($r !== $i + 1) {
            throw new RuntimeException("task $i returned " . var_export($r, true));
        }
    }
    stop($pool);
    return percentiles($samples);
}

/** Start `true`, collect its stdout and stderr (as Async\Process does), wait for its exit. */
function bench_spawn(int $n): array
{
    $samples = [];
    for ($i = 0; $i < $n; $i++) {
        $t0 = now();
        $p = Process::start(['true']);
        $out = async(static fn () => buffer($p->getStdout()) . buffer($p->getStderr()));
        $code = $p->join();
        $out->await();
        $samples[] = now() - $t0;
        if ($code !== 0) {
            throw new RuntimeException("true exited with $code");
        }
    }
    return percentiles($samples);
}

function bench_cold(int $n): array
{
    $samples = [];
    for ($i = 0; $i < $n; $i++) {
        $t0 = now();
        $pool = pool();
        $r = $pool->submit(new AmpIncTask($i))->await();
        $samples[] = now() - $t0;
        $pool->shutdown();
        if ($r !== $i + 1) {
            throw new RuntimeException("task $i returned " . var_export($r, true));
        }
    }
    return percentiles($samples);
}

bench_main($argv);
