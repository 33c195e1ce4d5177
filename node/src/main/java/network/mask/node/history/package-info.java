/**
 * The history kept on the box: packets per minute (48 h) and per hour (30 days), minutes on and
 * seen by the network, CPU temperature (24 h) and rewards per day, in one small file written at
 * most once a minute ({@link network.mask.node.history.HistoryRecorder}), and shaped for the
 * dashboard's charts ({@link network.mask.node.history.HistoryCharts}).
 */
package network.mask.node.history;
