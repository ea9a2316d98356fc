<?php
/*
 * The tiny task of bench/parallel, for each pool: the worker's bootstrap file
 * (Async\Parallel's `bootstrap`, amphp's ContextWorkerFactory path) and
 * required by the parent too. Each class is defined only where its interface is.
 */
declare(strict_types=1);

if (interface_exists(Async\Parallel\Task::class)) {
    final class IncTask implements Async\Parallel\Task
    {
        public function __construct(private int $n)
        {
        }

        public function run(): mixed
        {
            return $this->n + 1;
        }
    }
}

if (interface_exists(Amp\Parallel\Worker\Task::class)) {
    final class AmpIncTask implements Amp\Parallel\Worker\Task
    {
        public function __construct(private int $n)
        {
        }

        public function run(Amp\Sync\Channel $channel, Amp\Cancellation $cancellation): mixed
        {
            return $this->n + 1;
        }
    }
}
