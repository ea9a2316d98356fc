/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 1346f05ad7c9ed800ba900726e36fc99b68c6e9c */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Async_Parallel___construct, 0, 0, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Async_Parallel_submit, 0, 1, Async\\Promise, 0)
	ZEND_ARG_OBJ_INFO(0, task, Async\\Parallel\\Task, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Async_Parallel_map, 0, 1, Async\\Promise, 0)
	ZEND_ARG_OBJ_TYPE_MASK(0, tasks, Traversable, MAY_BE_ARRAY, NULL)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Async_Parallel_shutdown, 0, 0, Async\\Promise, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Async_Parallel_kill, 0, 0, IS_VOID, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Async_Parallel_stats, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Async_Process___construct, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, command, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

#define arginfo_class_Async_Process_start arginfo_class_Async_Parallel_shutdown

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Async_Process_pid, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Async_Process_isRunning, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Async_Process_write, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, data, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Async_Process_closeInput arginfo_class_Async_Parallel_kill

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Async_Process_kill, 0, 0, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, signal, IS_LONG, 0, "15")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Async_ProcessResult___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Async_ProcessResult_pid arginfo_class_Async_Process_pid

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Async_ProcessResult_exitCode, 0, 0, IS_LONG, 1)
ZEND_END_ARG_INFO()

#define arginfo_class_Async_ProcessResult_signal arginfo_class_Async_ProcessResult_exitCode

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Async_ProcessResult_stdout, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Async_ProcessResult_stderr arginfo_class_Async_ProcessResult_stdout

#define arginfo_class_Async_ProcessResult_isSuccessful arginfo_class_Async_Process_isRunning

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Async_Parallel_Task_run, 0, 0, IS_MIXED, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Async_Parallel_Worker___construct arginfo_class_Async_ProcessResult___construct

#define arginfo_class_Async_Parallel_Worker_main arginfo_class_Async_Parallel_kill

#define arginfo_class_Async_Parallel_WorkerException_getExitCode arginfo_class_Async_ProcessResult_exitCode

#define arginfo_class_Async_Parallel_WorkerException_getSignal arginfo_class_Async_ProcessResult_exitCode

#define arginfo_class_Async_Parallel_WorkerException_getStderr arginfo_class_Async_ProcessResult_stdout

#define arginfo_class_Async_Parallel_TaskFailedException_getOriginalClass arginfo_class_Async_ProcessResult_stdout

#define arginfo_class_Async_Parallel_TaskFailedException_getOriginalMessage arginfo_class_Async_ProcessResult_stdout

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_class_Async_Parallel_TaskFailedException_getOriginalCode, 0, 0, MAY_BE_LONG|MAY_BE_STRING)
ZEND_END_ARG_INFO()

#define arginfo_class_Async_Parallel_TaskFailedException_getOriginalFile arginfo_class_Async_ProcessResult_stdout

#define arginfo_class_Async_Parallel_TaskFailedException_getOriginalLine arginfo_class_Async_Process_pid

#define arginfo_class_Async_Parallel_TaskFailedException_getOriginalTraceAsString arginfo_class_Async_ProcessResult_stdout


ZEND_METHOD(Async_Parallel, __construct);
ZEND_METHOD(Async_Parallel, submit);
ZEND_METHOD(Async_Parallel, map);
ZEND_METHOD(Async_Parallel, shutdown);
ZEND_METHOD(Async_Parallel, kill);
ZEND_METHOD(Async_Parallel, stats);
ZEND_METHOD(Async_Process, __construct);
ZEND_METHOD(Async_Process, start);
ZEND_METHOD(Async_Process, pid);
ZEND_METHOD(Async_Process, isRunning);
ZEND_METHOD(Async_Process, write);
ZEND_METHOD(Async_Process, closeInput);
ZEND_METHOD(Async_Process, kill);
ZEND_METHOD(Async_ProcessResult, __construct);
ZEND_METHOD(Async_ProcessResult, pid);
ZEND_METHOD(Async_ProcessResult, exitCode);
ZEND_METHOD(Async_ProcessResult, signal);
ZEND_METHOD(Async_ProcessResult, stdout);
ZEND_METHOD(Async_ProcessResult, stderr);
ZEND_METHOD(Async_ProcessResult, isSuccessful);
ZEND_METHOD(Async_Parallel_Worker, __construct);
ZEND_METHOD(Async_Parallel_Worker, main);
ZEND_METHOD(Async_Parallel_WorkerException, getExitCode);
ZEND_METHOD(Async_Parallel_WorkerException, getSignal);
ZEND_METHOD(Async_Parallel_WorkerException, getStderr);
ZEND_METHOD(Async_Parallel_TaskFailedException, getOriginalClass);
ZEND_METHOD(Async_Parallel_TaskFailedException, getOriginalMessage);
ZEND_METHOD(Async_Parallel_TaskFailedException, getOriginalCode);
ZEND_METHOD(Async_Parallel_TaskFailedException, getOriginalFile);
ZEND_METHOD(Async_Parallel_TaskFailedException, getOriginalLine);
ZEND_METHOD(Async_Parallel_TaskFailedException, getOriginalTraceAsString);


static const zend_function_entry class_Async_Parallel_methods[] = {
	ZEND_ME(Async_Parallel, __construct, arginfo_class_Async_Parallel___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_Parallel, submit, arginfo_class_Async_Parallel_submit, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_Parallel, map, arginfo_class_Async_Parallel_map, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_Parallel, shutdown, arginfo_class_Async_Parallel_shutdown, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_Parallel, kill, arginfo_class_Async_Parallel_kill, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_Parallel, stats, arginfo_class_Async_Parallel_stats, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Async_Process_methods[] = {
	ZEND_ME(Async_Process, __construct, arginfo_class_Async_Process___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_Process, start, arginfo_class_Async_Process_start, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_Process, pid, arginfo_class_Async_Process_pid, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_Process, isRunning, arginfo_class_Async_Process_isRunning, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_Process, write, arginfo_class_Async_Process_write, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_Process, closeInput, arginfo_class_Async_Process_closeInput, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_Process, kill, arginfo_class_Async_Process_kill, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Async_ProcessResult_methods[] = {
	ZEND_ME(Async_ProcessResult, __construct, arginfo_class_Async_ProcessResult___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Async_ProcessResult, pid, arginfo_class_Async_ProcessResult_pid, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_ProcessResult, exitCode, arginfo_class_Async_ProcessResult_exitCode, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_ProcessResult, signal, arginfo_class_Async_ProcessResult_signal, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_ProcessResult, stdout, arginfo_class_Async_ProcessResult_stdout, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_ProcessResult, stderr, arginfo_class_Async_ProcessResult_stderr, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_ProcessResult, isSuccessful, arginfo_class_Async_ProcessResult_isSuccessful, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Async_ProcessException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Async_Parallel_Task_methods[] = {
	ZEND_ABSTRACT_ME_WITH_FLAGS(Async_Parallel_Task, run, arginfo_class_Async_Parallel_Task_run, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_FE_END
};


static const zend_function_entry class_Async_Parallel_Worker_methods[] = {
	ZEND_ME(Async_Parallel_Worker, __construct, arginfo_class_Async_Parallel_Worker___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Async_Parallel_Worker, main, arginfo_class_Async_Parallel_Worker_main, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};


static const zend_function_entry class_Async_Parallel_WorkerException_methods[] = {
	ZEND_ME(Async_Parallel_WorkerException, getExitCode, arginfo_class_Async_Parallel_WorkerException_getExitCode, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_Parallel_WorkerException, getSignal, arginfo_class_Async_Parallel_WorkerException_getSignal, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_Parallel_WorkerException, getStderr, arginfo_class_Async_Parallel_WorkerException_getStderr, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Async_Parallel_TaskFailedException_methods[] = {
	ZEND_ME(Async_Parallel_TaskFailedException, getOriginalClass, arginfo_class_Async_Parallel_TaskFailedException_getOriginalClass, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_Parallel_TaskFailedException, getOriginalMessage, arginfo_class_Async_Parallel_TaskFailedException_getOriginalMessage, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_Parallel_TaskFailedException, getOriginalCode, arginfo_class_Async_Parallel_TaskFailedException_getOriginalCode, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_Parallel_TaskFailedException, getOriginalFile, arginfo_class_Async_Parallel_TaskFailedException_getOriginalFile, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_Parallel_TaskFailedException, getOriginalLine, arginfo_class_Async_Parallel_TaskFailedException_getOriginalLine, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_Parallel_TaskFailedException, getOriginalTraceAsString, arginfo_class_Async_Parallel_TaskFailedException_getOriginalTraceAsString, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Async_Parallel_SerializationException_methods[] = {
	ZEND_FE_END
};

static zend_class_entry *register_class_Async_Parallel(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Async", "Parallel", class_Async_Parallel_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
#if (PHP_VERSION_ID >= 80100)
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;
#elif (PHP_VERSION_ID >= 80000)
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES;
#elif (PHP_VERSION_ID >= 70000)
	class_entry->ce_flags |= ZEND_ACC_FINAL;
#endif

	return class_entry;
}

static zend_class_entry *register_class_Async_Process(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Async", "Process", class_Async_Process_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
#if (PHP_VERSION_ID >= 80100)
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;
#elif (PHP_VERSION_ID >= 80000)
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES;
#elif (PHP_VERSION_ID >= 70000)
	class_entry->ce_flags |= ZEND_ACC_FINAL;
#endif

	return class_entry;
}

static zend_class_entry *register_class_Async_ProcessResult(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Async", "ProcessResult", class_Async_ProcessResult_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
#if (PHP_VERSION_ID >= 80100)
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;
#elif (PHP_VERSION_ID >= 80000)
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES;
#elif (PHP_VERSION_ID >= 70000)
	class_entry->ce_flags |= ZEND_ACC_FINAL;
#endif

	zval property_pid_default_value;
	ZVAL_LONG(&property_pid_default_value, 0);
	zend_string *property_pid_name = zend_string_init("pid", sizeof("pid") - 1, 1);
	zend_declare_typed_property(class_entry, property_pid_name, &property_pid_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_pid_name);

	zval property_exitCode_default_value;
	ZVAL_NULL(&property_exitCode_default_value);
	zend_string *property_exitCode_name = zend_string_init("exitCode", sizeof("exitCode") - 1, 1);
	zend_declare_typed_property(class_entry, property_exitCode_name, &property_exitCode_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG|MAY_BE_NULL));
	zend_string_release(property_exitCode_name);

	zval property_signal_default_value;
	ZVAL_NULL(&property_signal_default_value);
	zend_string *property_signal_name = zend_string_init("signal", sizeof("signal") - 1, 1);
	zend_declare_typed_property(class_entry, property_signal_name, &property_signal_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG|MAY_BE_NULL));
	zend_string_release(property_signal_name);

	zval property_stdout_default_value;
	ZVAL_EMPTY_STRING(&property_stdout_default_value);
	zend_string *property_stdout_name = zend_string_init("stdout", sizeof("stdout") - 1, 1);
	zend_declare_typed_property(class_entry, property_stdout_name, &property_stdout_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_stdout_name);

	zval property_stderr_default_value;
	ZVAL_EMPTY_STRING(&property_stderr_default_value);
	zend_string *property_stderr_name = zend_string_init("stderr", sizeof("stderr") - 1, 1);
	zend_declare_typed_property(class_entry, property_stderr_name, &property_stderr_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_stderr_name);

	return class_entry;
}

static zend_class_entry *register_class_Async_ProcessException(zend_class_entry *class_entry_Async_AsyncException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Async", "ProcessException", class_Async_ProcessException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Async_AsyncException);

	return class_entry;
}

static zend_class_entry *register_class_Async_Parallel_Task(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Async\\Parallel", "Task", class_Async_Parallel_Task_methods);
	class_entry = zend_register_internal_interface(&ce);

	return class_entry;
}

static zend_class_entry *register_class_Async_Parallel_Worker(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Async\\Parallel", "Worker", class_Async_Parallel_Worker_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
#if (PHP_VERSION_ID >= 80100)
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;
#elif (PHP_VERSION_ID >= 80000)
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES;
#elif (PHP_VERSION_ID >= 70000)
	class_entry->ce_flags |= ZEND_ACC_FINAL;
#endif

	return class_entry;
}

static zend_class_entry *register_class_Async_Parallel_WorkerException(zend_class_entry *class_entry_Async_AsyncException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Async\\Parallel", "WorkerException", class_Async_Parallel_WorkerException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Async_AsyncException);

	zval property_exitCode_default_value;
	ZVAL_NULL(&property_exitCode_default_value);
	zend_string *property_exitCode_name = zend_string_init("exitCode", sizeof("exitCode") - 1, 1);
	zend_declare_typed_property(class_entry, property_exitCode_name, &property_exitCode_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG|MAY_BE_NULL));
	zend_string_release(property_exitCode_name);

	zval property_signal_default_value;
	ZVAL_NULL(&property_signal_default_value);
	zend_string *property_signal_name = zend_string_init("signal", sizeof("signal") - 1, 1);
	zend_declare_typed_property(class_entry, property_signal_name, &property_signal_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG|MAY_BE_NULL));
	zend_string_release(property_signal_name);

	zval property_stderr_default_value;
	ZVAL_EMPTY_STRING(&property_stderr_default_value);
	zend_string *property_stderr_name = zend_string_init("stderr", sizeof("stderr") - 1, 1);
	zend_declare_typed_property(class_entry, property_stderr_name, &property_stderr_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_stderr_name);

	return class_entry;
}

static zend_class_entry *register_class_Async_Parallel_TaskFailedException(zend_class_entry *class_entry_Async_AsyncException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Async\\Parallel", "TaskFailedException", class_Async_Parallel_TaskFailedException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Async_AsyncException);

	zval property_originalClass_default_value;
	ZVAL_EMPTY_STRING(&property_originalClass_default_value);
	zend_string *property_originalClass_name = zend_string_init("originalClass", sizeof("originalClass") - 1, 1);
	zend_declare_typed_property(class_entry, property_originalClass_name, &property_originalClass_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_originalClass_name);

	zval property_originalMessage_default_value;
	ZVAL_EMPTY_STRING(&property_originalMessage_default_value);
	zend_string *property_originalMessage_name = zend_string_init("originalMessage", sizeof("originalMessage") - 1, 1);
	zend_declare_typed_property(class_entry, property_originalMessage_name, &property_originalMessage_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_originalMessage_name);

	zval property_originalCode_default_value;
	ZVAL_LONG(&property_originalCode_default_value, 0);
	zend_string *property_originalCode_name = zend_string_init("originalCode", sizeof("originalCode") - 1, 1);
	zend_declare_typed_property(class_entry, property_originalCode_name, &property_originalCode_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG|MAY_BE_STRING));
	zend_string_release(property_originalCode_name);

	zval property_originalFile_default_value;
	ZVAL_EMPTY_STRING(&property_originalFile_default_value);
	zend_string *property_originalFile_name = zend_string_init("originalFile", sizeof("originalFile") - 1, 1);
	zend_declare_typed_property(class_entry, property_originalFile_name, &property_originalFile_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_originalFile_name);

	zval property_originalLine_default_value;
	ZVAL_LONG(&property_originalLine_default_value, 0);
	zend_string *property_originalLine_name = zend_string_init("originalLine", sizeof("originalLine") - 1, 1);
	zend_declare_typed_property(class_entry, property_originalLine_name, &property_originalLine_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_originalLine_name);

	zval property_originalTrace_default_value;
	ZVAL_EMPTY_STRING(&property_originalTrace_default_value);
	zend_string *property_originalTrace_name = zend_string_init("originalTrace", sizeof("originalTrace") - 1, 1);
	zend_declare_typed_property(class_entry, property_originalTrace_name, &property_originalTrace_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_originalTrace_name);

	return class_entry;
}

static zend_class_entry *register_class_Async_Parallel_SerializationException(zend_class_entry *class_entry_Async_AsyncException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Async\\Parallel", "SerializationException", class_Async_Parallel_SerializationException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Async_AsyncException);

	return class_entry;
}
