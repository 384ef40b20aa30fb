// The baseline to beat: a plain Colyseus room as its documentation teaches
// it. The state is an @colyseus/schema object with an ArraySchema of chat
// lines; a "say" message pushes a line; Colyseus sends the changes at its
// default patch rate (every 50 ms), with no broadcastPatch() after an action.
// No journal, no per-seat views: only the transport and the patch loop.
import { Room, type Client } from "colyseus";
import { ArraySchema, Schema, defineTypes } from "@colyseus/schema";

export class ChatLine extends Schema {
  declare id: string;
  declare from: string;
  declare text: string;
}
defineTypes(ChatLine, { id: "string", from: "string", text: "string" });

export class ChatState extends Schema {
  declare lines: ArraySchema<ChatLine>;
  constructor() {
    super();
    this.lines = new ArraySchema<ChatLine>();
  }
}
defineTypes(ChatState, { lines: [ChatLine] });

export class BaselineRoom extends Room<ChatState> {
  override autoDispose = false;

  override onCreate(): void {
    this.setState(new ChatState());
    this.onMessage("say", (client: Client, message: { id?: unknown; text?: unknown }) => {
      if (typeof message?.id !== "string" || typeof message.text !== "string") return;
      const line = new ChatLine();
      line.id = message.id;
      line.from = client.sessionId;
      line.text = message.text.slice(0, 500);
      this.state.lines.push(line);
    });
  }
}
