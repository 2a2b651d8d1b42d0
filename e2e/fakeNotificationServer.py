# A stand-in for the desktop's notification daemon: it owns org.freedesktop.Notifications on the session bus
# and appends every Notify call it receives to a JSON-lines file. Run with Debian's /usr/bin/python3, which has
# python3-dbus and python3-gi. Usage: fakeNotificationServer.py RECORD_FILE READY_FILE
import json
import sys

import dbus
import dbus.mainloop.glib
import dbus.service
from gi.repository import GLib

IFACE = 'org.freedesktop.Notifications'


class Notifications(dbus.service.Object):
    def __init__(self, bus, record):
        super().__init__(bus, '/org/freedesktop/Notifications')
        self.record = record
        self.count = 0

    @dbus.service.method(IFACE, in_signature='susssasa{sv}i', out_signature='u')
    def Notify(self, app_name, replaces_id, app_icon, summary, body, actions, hints, expire_timeout):
        self.count += 1
        with open(self.record, 'a', encoding='utf-8') as f:
            f.write(json.dumps({'id': self.count, 'app_name': str(app_name), 'summary': str(summary), 'body': str(body)}, ensure_ascii=False) + '\n')
        return dbus.UInt32(self.count)

    @dbus.service.method(IFACE, in_signature='', out_signature='as')
    def GetCapabilities(self):
        return ['body']

    @dbus.service.method(IFACE, in_signature='', out_signature='ssss')
    def GetServerInformation(self):
        return ('renewal-desk-test', 'renewal-desk', '1.0', '1.2')

    @dbus.service.method(IFACE, in_signature='u', out_signature='')
    def CloseNotification(self, notification_id):
        pass


def main():
    record, ready = sys.argv[1], sys.argv[2]
    dbus.mainloop.glib.DBusGMainLoop(set_as_default=True)
    bus = dbus.SessionBus()
    name = dbus.service.BusName(IFACE, bus, do_not_queue=True)
    server = Notifications(bus, record)
    with open(ready, 'w', encoding='utf-8') as f:
        f.write('ready\n')
    GLib.MainLoop().run()
    del name, server


main()
