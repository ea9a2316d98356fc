<?php
/* react/promise 2.x from Debian's php-react-promise: no loop, settles synchronously. */
declare(strict_types=1);
require __DIR__ . '/../lib.php';

$autoload = getenv('REACT_PROMISE_AUTOLOAD') ?: '/usr/share/php/React/Promise/autoload.php';
if (!is_file($autoload)) {
    fwrite(STDERR, "react/promise is not installed: apt-get install php-react-promise\n");
    exit(2);
}
require $autoload;

use React\Promise\Deferred;

/* N x: a deferred, 3 then() on it, resolve: the callbacks run inside resolve(). */
function bench_chain(int $n): int
{
    $sum = 0;
    $inc = static fn ($v) => $v + 1;
    $acc = static function ($v) use (&$sum) { $sum += $v; return $v; };
    for ($i = 0; $i < $n; $i++) {
        $d = new Deferred();
        $d->promise()->then($inc)->then($inc)->then($acc);
        $d->resolve($i);
    }
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
            $d = new Deferred();
            $d->promise()->then($inc)->then($inc)->then($acc);
            $d->resolve($i);
        }
        // no loop: every chain already ran inside resolve()
    }
    return $sum;
}

/* react/promise has no await; react/async (which adds one) is not installable here. */

/* R x: React\Promise\all() over W pending promises, then resolve them all. */
function bench_all(int $rounds, int $width): int
{
    $sum = 0;
    for ($r = 0; $r < $rounds; $r++) {
        $ds = $ps = [];
        for ($j = 0; $j < $width; $j++) {
            $ds[] = $d = new Deferred();
            $ps[] = $d->promise();
        }
        $values = null;
        \React\Promise\all($ps)->then(static function ($v) use (&$values) { $values = $v; });
        foreach ($ds as $j => $d) {
            $d->resolve($j);
        }
        $sum += array_sum($values);
    }
    return $sum;
}

bench_run('react', $argv);
