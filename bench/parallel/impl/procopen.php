<?php
/*
 * bench/parallel without a pool: one `php -r` process per task (proc_open,
 * stdout read back, proc_close), and proc_open(['true']) for the spawn time.
 * The children get the CLI's php.ini, as the pools' workers do.
 */
declare(strict_types=1);
require __DIR__ . '/../lib.php';

const TASK_CODE = 'echo $argv[1] + 1;';

/** Starts the task process for $n: [process, stdout]. */
function start_task(int $n): array
{
    $proc = proc_open([PHP_BINARY, '-r', TASK_CODE, (string) $n], [1 => ['pipe', 'w']], $pipes);
    if ($proc === false) {
        throw new RuntimeException('proc_open failed');
    }
    return [$proc, $pipes[1]];
}

/** Reads the result and reaps the process. */
function finish_task(array $task): int
{
    [$proc, $out] = $task;
    $result = stream_get_contents($out);
    fclose($out);
    if (proc_close($proc) !== 0 || !is_numeric($result)) {
        throw new RuntimeException('task process failed: ' . var_export($result, true));
    }
    return (int) $result;
}

/** $n tasks, WORKERS processes at a time, the way a 2-worker pool runs them. */
function bench_throughput(int $n): array
{
    $c0 = cpu(true);
    $s0 = cpu();
    $t0 = now();
    $sum = 0;
    $next = 0;
    $running = [];
    while ($next < $n || $running) {
        while ($next < $n && count($running) < WORKERS) {
            $running[] = start_task($next++);
        }
        $read = array_column($running, 1);
        $write = $except = null;
        stream_select($read, $write, $except, null);
        foreach ($running as $k => $task) {
            if (in_array($task[1], $read, true)) {
                $sum += finish_task($task); // one short write then EOF: this does not block long
                unset($running[$k]);
            }
        }
    }
    $wall = now() - $t0;
    $self = cpu() - $s0;
    $children = cpu(true) - $c0;
    if ($sum !== expected_sum(0, $n)) {
        throw new RuntimeException("wrong sum $sum for $n tasks");
    }
    return ['n' => $n, 'wall' => $wall, 'self' => $self, 'workers' => $children, 'workers_life' => $children, 'processes' => $n];
}

/** One task, one process, start to result: every task is a cold start. */
function bench_latency(int $n): array
{
    $samples = [];
    for ($i = 0; $i < $n; $i++) {
        $t0 = now();
        $r = finish_task(start_task($i));
        $samples[] = now() - $t0;
        if ($r !== $i + 1) {
            throw new RuntimeException("task $i returned $r");
        }
    }
    return percentiles($samples);
}

function bench_cold(int $n): array
{
    return bench_latency($n);
}

/** Start `true` with stdout and stderr piped (as Async\Process collects them), read both, reap it. */
function bench_spawn(int $n): array
{
    $samples = [];
    for ($i = 0; $i < $n; $i++) {
        $t0 = now();
        $proc = proc_open(['true'], [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
        stream_get_contents($pipes[1]);
        stream_get_contents($pipes[2]);
        fclose($pipes[1]);
        fclose($pipes[2]);
        $code = proc_close($proc);
        $samples[] = now() - $t0;
        if ($code !== 0) {
            throw new RuntimeException("true exited with $code");
        }
    }
    return percentiles($samples);
}

bench_main($argv);
