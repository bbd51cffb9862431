/** Function metadata in the shape the build emits (functions.json and functions-zh-CN.json). */
export const EN_METADATA = {
  functions: [
    {
      id: "ERLANG_B",
      name: "ERLANG_B",
      description: "Erlang B: probability that a contact is blocked.",
      helpUrl: "https://localhost:3000/docs/functions/ERLANG_B.html",
      parameters: [{ name: "servers" }, { name: "traffic" }],
      result: { dimensionality: "matrix" },
    },
    {
      id: "ERLANG_C",
      name: "ERLANG_C",
      description: "Erlang C: probability that a contact has to wait.",
      helpUrl: "https://localhost:3000/docs/functions/ERLANG_C.html",
      parameters: [{ name: "agents" }, { name: "traffic" }],
      result: { dimensionality: "matrix" },
    },
  ],
};

export const ZH_METADATA = {
  functions: [
    {
      id: "ERLANG_B",
      name: "爱尔兰B",
      description: "爱尔兰 B：来话被阻塞的概率。",
      helpUrl: "https://localhost:3000/docs/zh-CN/functions/ERLANG_B.html",
      parameters: [{ name: "服务器数" }, { name: "话务量" }],
    },
    {
      id: "ERLANG_C",
      name: "爱尔兰C",
      description: "爱尔兰 C：来话需要等待的概率。",
      helpUrl: "https://localhost:3000/docs/zh-CN/functions/ERLANG_C.html",
      parameters: [{ name: "坐席数" }, { name: "话务量" }],
    },
  ],
};

/** A fetch that serves the given files by name and answers 404 for anything else. */
export function fakeFetch(files: Record<string, unknown>) {
  const requested: string[] = [];
  const fetchImpl = async (url: string) => {
    requested.push(url);
    const found = Object.prototype.hasOwnProperty.call(files, url);
    return { ok: found, status: found ? 200 : 404, json: async () => files[url] };
  };
  return { fetchImpl, requested };
}
