<?php
/*
 * One measurement in a fresh process:
 *   php [-d extension=async.so] case.php IMPL CASE key=value...
 * IMPL: async | php | revolt. Prints one JSON line (see cases.php).
 */
declare(strict_types=1);

[, $impl, $case] = $argv + [null, null, null];
$params = [];
foreach (\array_slice($argv, 3) as $arg) {
    [$k, $v] = \explode('=', $arg, 2);
    $params[$k] = $v;
}

switch ($impl) {
    case 'async':
        if (!\extension_loaded('async')) {
            \fwrite(STDERR, "the async extension is not loaded (php -d extension=/path/to/async.so)\n");
            exit(2);
        }
        $prelude = 'use Async\Loop as L;
            function bench_stop(): void { L::stop(); }
            function bench_driver(): string { return "libevent " . \Async\Loop::info()["backend"]; }';
        break;
    case 'php':
        require __DIR__ . '/PhpLoop.php';
        $prelude = 'use AsyncBench\PhpLoop as L;
            function bench_stop(): void { L::stop(); }
            function bench_driver(): string { return "stream_select"; }';
        break;
    case 'revolt':
        require __DIR__ . '/vendor/autoload.php';
        $prelude = 'use Revolt\EventLoop as L;
            function bench_stop(): void { L::getDriver()->stop(); }
            function bench_driver(): string { return (new \ReflectionClass(L::getDriver()))->getShortName(); }';
        break;
    default:
        \fwrite(STDERR, "usage: php case.php async|php|revolt CASE key=value...\n");
        exit(2);
}

$body = \file_get_contents(__DIR__ . '/cases.php');
$body = \preg_replace('/^<\?php\s*/', '', $body);
eval("namespace AsyncBench\\Run;\n$prelude\n$body");

$fn = 'AsyncBench\\Run\\case_' . \str_replace('-', '_', (string) $case);
if (!\function_exists($fn)) {
    \fwrite(STDERR, "unknown case: $case\n");
    exit(2);
}
$result = $fn($params);
$result += [
    'impl' => $impl,
    'case' => $case,
    'driver' => \AsyncBench\Run\bench_driver(),
    'peak_mb' => \round(\memory_get_peak_usage() / 1048576, 1),
];
echo \json_encode($result), "\n";
