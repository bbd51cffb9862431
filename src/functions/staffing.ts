/**
 * Staffing family: queueing functions for contact-centre sizing. Maths in src/engine/staffing.
 * Signatures say any[][] because Excel may pass a scalar or a range to every argument.
 */
import { mapNumbers } from "../engine/core";
import { erlangB as erlangBCore, erlangC as erlangCCore } from "../engine/staffing";
import { runSpill } from "./excel";

/**
 * Erlang B: probability that a contact is blocked when servers lines are offered traffic Erlangs and blocked contacts are lost.
 * @customfunction ERLANG_B
 * @helpurl https://localhost:3000/docs/functions/ERLANG_B.html
 * @param {any[][]} servers Number of servers (lines or agents), a whole number >= 0. A range spills one result per cell.
 * @param {any[][]} traffic Offered traffic in Erlangs = volume x aht_sec / (interval_min x 60), >= 0.
 * @returns {any[][]} Blocking probability, between 0 and 1.
 */
export function erlangB(servers: any[][], traffic: any[][]): any[][] {
  return runSpill("ERLANG_B", () =>
    mapNumbers(
      [
        { name: "servers", value: servers },
        { name: "traffic", value: traffic },
      ],
      erlangBCore,
    ),
  );
}

/**
 * Erlang C: probability that a contact has to wait when agents serve traffic Erlangs with an unlimited queue.
 * @customfunction ERLANG_C
 * @helpurl https://localhost:3000/docs/functions/ERLANG_C.html
 * @param {any[][]} agents Number of agents, a whole number greater than traffic. A range spills one result per cell.
 * @param {any[][]} traffic Offered traffic in Erlangs = volume x aht_sec / (interval_min x 60), >= 0.
 * @returns {any[][]} Probability of waiting, between 0 and 1.
 */
export function erlangC(agents: any[][], traffic: any[][]): any[][] {
  return runSpill("ERLANG_C", () =>
    mapNumbers(
      [
        { name: "agents", value: agents },
        { name: "traffic", value: traffic },
      ],
      erlangCCore,
    ),
  );
}
