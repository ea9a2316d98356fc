<?php
/* amphp/amp v3: DeferredFuture / Future on Revolt's event loop. */
declare(strict_types=1);
require __DIR__ . '/../lib.php';

$autoload = __DIR__ . '/../vendor/autoload.php';
if (!is_file($autoload)) {
    fwrite(STDERR, "amphp/amp is not installed: run composer install in bench/promise\n");
    exit(2);
}
require $autoload;

use Amp\DeferredFuture;
use Revolt\EventLoop;

/* N x: a DeferredFuture, 3 map() on its future, complete; then the loop runs every callback. */
function bench_chain(int $n): int
{
    $sum = 0;
    $inc = static fn ($v) => $v + 1;
    $acc = static function ($v) use (&$sum) { $sum += $v; return $v; };
    for ($i = 0; $i < $n; $i++) {
        $d = new DeferredFuture();
        $d->getFuture()->map($inc)->map($inc)->map($acc);
        $d->complete($i);
    }
    EventLoop::run();
    return $sum;
}

/* The same N chains, but the loop runs after every CHAIN_BATCH of them. */
function bench_chain_batch(int $n): int
{
    $sum = 0;
    $inc = static fn ($v) => $v + 1;
    $acc = static function ($v) use (&$sum) { $sum += $v; return $v; };
    for ($i = 0; $i < $n;) {
        for ($end = min($n, $i + CHAIN_BATCH); $i < $end; $i++) {
            $d = new DeferredFuture();
            $d->getFuture()->map($inc)->map($inc)->map($acc);
            $d->complete($i);
        }
        EventLoop::run();
    }
    return $sum;
}

/* One fiber (Amp\async) awaits N futures in turn, each completed by an EventLoop::defer() callback. */
function bench_await(int $n): int
{
    return \Amp\async(static function () use ($n): int {
        $sum = 0;
        for ($i = 0; $i < $n; $i++) {
            $d = new DeferredFuture();
            EventLoop::defer(static function () use ($d, $i) { $d->complete($i); });
            $sum += $d->getFuture()->await();
        }
        return $sum;
    })->await();
}

/* R x: Amp\Future\await() (amp's all) over W pending futures that an EventLoop::defer() callback completes. */
function bench_all(int $rounds, int $width): int
{
    $sum = 0;
    for ($r = 0; $r < $rounds; $r++) {
        $ds = $fs = [];
        for ($j = 0; $j < $width; $j++) {
            $ds[] = $d = new DeferredFuture();
            $fs[] = $d->getFuture();
        }
        EventLoop::defer(static function () use ($ds) {
            foreach ($ds as $j => $d) {
                $d->complete($j);
            }
        });
        $sum += array_sum(\Amp\Future\await($fs));
    }
    return $sum;
}

bench_run('amp', $argv);
