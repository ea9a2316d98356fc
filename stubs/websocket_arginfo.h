/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: c38cd56c23e7cbe3d24492b45f16e2d621289f9b */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Async_WebSocketServer___construct, 0, 0, 2)
	ZEND_ARG_TYPE_INFO(0, uri, IS_STRING, 0)
	ZEND_ARG_OBJ_INFO(0, listener, Async\\WebSocket\\Listener, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Async_WebSocketServer_start, 0, 0, IS_VOID, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Async_WebSocketServer_stop, 0, 0, Async\\Promise, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, grace, IS_DOUBLE, 0, "5.0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Async_WebSocketServer_address, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Async_WebSocketServer_connections, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Async_WebSocketServer_broadcast, 0, 1, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, data, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, binary, _IS_BOOL, 0, "false")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, except, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Async_WebSocket_Connection___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Async_WebSocket_Connection_id, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Async_WebSocket_Connection_request, 0, 0, Async\\WebSocket\\Request, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Async_WebSocket_Connection_remoteAddress arginfo_class_Async_WebSocketServer_address

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Async_WebSocket_Connection_send, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, data, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Async_WebSocket_Connection_sendBinary arginfo_class_Async_WebSocket_Connection_send

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Async_WebSocket_Connection_ping, 0, 0, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, payload, IS_STRING, 0, "\"\"")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Async_WebSocket_Connection_close, 0, 0, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, code, IS_LONG, 0, "1000")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, reason, IS_STRING, 0, "\"\"")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Async_WebSocket_Connection_isOpen, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Async_WebSocket_Connection_bufferedAmount arginfo_class_Async_WebSocket_Connection_id

#define arginfo_class_Async_WebSocket_Request___construct arginfo_class_Async_WebSocket_Connection___construct

#define arginfo_class_Async_WebSocket_Request_method arginfo_class_Async_WebSocketServer_address

#define arginfo_class_Async_WebSocket_Request_path arginfo_class_Async_WebSocketServer_address

#define arginfo_class_Async_WebSocket_Request_queryString arginfo_class_Async_WebSocketServer_address

#define arginfo_class_Async_WebSocket_Request_query arginfo_class_Async_WebSocketServer_connections

#define arginfo_class_Async_WebSocket_Request_headers arginfo_class_Async_WebSocketServer_connections

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Async_WebSocket_Request_header, 0, 1, IS_STRING, 1)
	ZEND_ARG_TYPE_INFO(0, name, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Async_WebSocket_Request_cookies arginfo_class_Async_WebSocketServer_connections

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Async_WebSocket_Request_subprotocol, 0, 0, IS_STRING, 1)
ZEND_END_ARG_INFO()


ZEND_METHOD(Async_WebSocketServer, __construct);
ZEND_METHOD(Async_WebSocketServer, start);
ZEND_METHOD(Async_WebSocketServer, stop);
ZEND_METHOD(Async_WebSocketServer, address);
ZEND_METHOD(Async_WebSocketServer, connections);
ZEND_METHOD(Async_WebSocketServer, broadcast);
ZEND_METHOD(Async_WebSocket_Connection, __construct);
ZEND_METHOD(Async_WebSocket_Connection, id);
ZEND_METHOD(Async_WebSocket_Connection, request);
ZEND_METHOD(Async_WebSocket_Connection, remoteAddress);
ZEND_METHOD(Async_WebSocket_Connection, send);
ZEND_METHOD(Async_WebSocket_Connection, sendBinary);
ZEND_METHOD(Async_WebSocket_Connection, ping);
ZEND_METHOD(Async_WebSocket_Connection, close);
ZEND_METHOD(Async_WebSocket_Connection, isOpen);
ZEND_METHOD(Async_WebSocket_Connection, bufferedAmount);
ZEND_METHOD(Async_WebSocket_Request, __construct);
ZEND_METHOD(Async_WebSocket_Request, method);
ZEND_METHOD(Async_WebSocket_Request, path);
ZEND_METHOD(Async_WebSocket_Request, queryString);
ZEND_METHOD(Async_WebSocket_Request, query);
ZEND_METHOD(Async_WebSocket_Request, headers);
ZEND_METHOD(Async_WebSocket_Request, header);
ZEND_METHOD(Async_WebSocket_Request, cookies);
ZEND_METHOD(Async_WebSocket_Request, subprotocol);


static const zend_function_entry class_Async_WebSocketServer_methods[] = {
	ZEND_ME(Async_WebSocketServer, __construct, arginfo_class_Async_WebSocketServer___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_WebSocketServer, start, arginfo_class_Async_WebSocketServer_start, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_WebSocketServer, stop, arginfo_class_Async_WebSocketServer_stop, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_WebSocketServer, address, arginfo_class_Async_WebSocketServer_address, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_WebSocketServer, connections, arginfo_class_Async_WebSocketServer_connections, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_WebSocketServer, broadcast, arginfo_class_Async_WebSocketServer_broadcast, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Async_WebSocket_Connection_methods[] = {
	ZEND_ME(Async_WebSocket_Connection, __construct, arginfo_class_Async_WebSocket_Connection___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Async_WebSocket_Connection, id, arginfo_class_Async_WebSocket_Connection_id, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_WebSocket_Connection, request, arginfo_class_Async_WebSocket_Connection_request, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_WebSocket_Connection, remoteAddress, arginfo_class_Async_WebSocket_Connection_remoteAddress, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_WebSocket_Connection, send, arginfo_class_Async_WebSocket_Connection_send, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_WebSocket_Connection, sendBinary, arginfo_class_Async_WebSocket_Connection_sendBinary, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_WebSocket_Connection, ping, arginfo_class_Async_WebSocket_Connection_ping, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_WebSocket_Connection, close, arginfo_class_Async_WebSocket_Connection_close, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_WebSocket_Connection, isOpen, arginfo_class_Async_WebSocket_Connection_isOpen, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_WebSocket_Connection, bufferedAmount, arginfo_class_Async_WebSocket_Connection_bufferedAmount, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Async_WebSocket_Request_methods[] = {
	ZEND_ME(Async_WebSocket_Request, __construct, arginfo_class_Async_WebSocket_Request___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Async_WebSocket_Request, method, arginfo_class_Async_WebSocket_Request_method, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_WebSocket_Request, path, arginfo_class_Async_WebSocket_Request_path, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_WebSocket_Request, queryString, arginfo_class_Async_WebSocket_Request_queryString, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_WebSocket_Request, query, arginfo_class_Async_WebSocket_Request_query, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_WebSocket_Request, headers, arginfo_class_Async_WebSocket_Request_headers, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_WebSocket_Request, header, arginfo_class_Async_WebSocket_Request_header, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_WebSocket_Request, cookies, arginfo_class_Async_WebSocket_Request_cookies, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_WebSocket_Request, subprotocol, arginfo_class_Async_WebSocket_Request_subprotocol, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Async_WebSocket_ConnectionException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Async_WebSocket_HandshakeException_methods[] = {
	ZEND_FE_END
};

static zend_class_entry *register_class_Async_WebSocketServer(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Async", "WebSocketServer", class_Async_WebSocketServer_methods);
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

static zend_class_entry *register_class_Async_WebSocket_Connection(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Async\\WebSocket", "Connection", class_Async_WebSocket_Connection_methods);
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

static zend_class_entry *register_class_Async_WebSocket_Request(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Async\\WebSocket", "Request", class_Async_WebSocket_Request_methods);
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

static zend_class_entry *register_class_Async_WebSocket_ConnectionException(zend_class_entry *class_entry_Async_AsyncException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Async\\WebSocket", "ConnectionException", class_Async_WebSocket_ConnectionException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Async_AsyncException);

	return class_entry;
}

static zend_class_entry *register_class_Async_WebSocket_HandshakeException(zend_class_entry *class_entry_Async_AsyncException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Async\\WebSocket", "HandshakeException", class_Async_WebSocket_HandshakeException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Async_AsyncException);

	return class_entry;
}
